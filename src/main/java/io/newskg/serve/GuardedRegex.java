package io.newskg.serve;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.function.FunctionEnv;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REGEX and REPLACE that stop when their query is cancelled (timeout). Java's regex engine
 * backtracks without ever looking at interrupts, so {@code REGEX(?x, "^(a+)+(\\1)$")} could hold a
 * core for minutes after the timeout answered 503; here the text is read through a
 * {@link CharSequence} that checks the query's cancel flag every few thousand characters.
 * Installed by rewriting the algebra before ARQ's optimizer (so constant folding is guarded too).
 */
final class GuardedRegex {
    /** Without a cancel flag (constant folding while optimizing) a match may run this long. */
    static final long UNGUARDED_NANOS = 200_000_000L;

    private static final String FN_MATCHES = "http://www.w3.org/2005/xpath-functions#matches";
    private static final String FN_REPLACE = "http://www.w3.org/2005/xpath-functions#replace";

    private GuardedRegex() {}

    static void install() {
        RewriteFactory std = Optimize.getFactory() != null ? Optimize.getFactory() : Optimize.stdOptimizationFactory;
        Optimize.setFactory(cxt -> {
            Rewrite next = std.create(cxt);
            AtomicBoolean cancel = org.apache.jena.sparql.util.Context.getCancelSignal(cxt);
            CutOffGuard.noteQuery(cancel);
            ClientGone.noteQuery(cancel);
            return op -> next.rewrite(guard(op));
        });
    }

    static Op guard(Op op) {
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN f, ExprList args) {
                if (f instanceof E_Regex && !(f instanceof Regex)) return new Regex(args);
                if (f instanceof E_StrReplace && !(f instanceof Replace)) return new Replace(args);
                // fn:matches and fn:replace are the same engine under XPath names
                if (f instanceof E_Function fn && FN_MATCHES.equals(fn.getFunctionIRI()) && (args.size() == 2 || args.size() == 3)) {
                    return new Regex(args);
                }
                if (f instanceof E_Function fn && FN_REPLACE.equals(fn.getFunctionIRI()) && (args.size() == 3 || args.size() == 4)) {
                    return new Replace(args);
                }
                return super.transform(f, args);
            }
        }, op);
    }

    /** The text of a match, read through the query's cancel flag. */
    static CharSequence guarded(String s, FunctionEnv env) {
        AtomicBoolean cancel = env instanceof ExecutionContext ec ? ec.getCancelSignal() : null;
        return new Checked(s, 0, s.length(), cancel, cancel == null ? System.nanoTime() + UNGUARDED_NANOS : Long.MAX_VALUE);
    }

    private record Checked(String s, int from, int to, AtomicBoolean cancel, long deadline, int[] reads) implements CharSequence {
        Checked(String s, int from, int to, AtomicBoolean cancel, long deadline) {
            this(s, from, to, cancel, deadline, new int[1]);
        }

        @Override
        public char charAt(int i) {
            if ((++reads[0] & 0xFFF) == 0) {
                if (cancel != null && cancel.get()) throw new QueryCancelledException();
                if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) throw new ExprEvalException("regex: too slow to evaluate here");
            }
            return s.charAt(from + i);
        }

        @Override
        public int length() { return to - from; }

        @Override
        public CharSequence subSequence(int start, int end) { return new Checked(s, from + start, from + end, cancel, deadline, reads); }

        @Override
        public String toString() { return s.substring(from, to); }
    }

    private static Pattern pattern(String label, List<NodeValue> args, int patternArg, int flagsArg) {
        String flags = args.size() > flagsArg ? args.get(flagsArg).getString() : null;
        return RegexEngine.makePattern(label, args.get(patternArg).getString(), flags);
    }

    private static String text(String label, NodeValue v) {
        if (!v.isString() && !v.isLangString()) throw new ExprEvalException(label + ": not a string: " + v);
        return v.getString();
    }

    /** REGEX(text, pattern [, flags]). */
    static final class Regex extends E_Regex {
        private Pattern constant;

        Regex(ExprList args) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            String s = text("REGEX", args.get(0));
            Pattern p = constant;
            if (p == null) {
                p = pattern("REGEX", args, 1, 2);
                if (getArg(2).isConstant() && (args.size() < 3 || getArg(3).isConstant())) constant = p;
            }
            return NodeValue.booleanReturn(p.matcher(guarded(s, env)).find());
        }

        // Constant folding calls this one, without an environment.
        @Override
        public NodeValue eval(List<NodeValue> args) { return eval(args, null); }

        @Override
        public Expr copy(ExprList newArgs) { return new Regex(newArgs); }
    }

    /** REPLACE(text, pattern, replacement [, flags]). */
    static final class Replace extends E_StrReplace {
        Replace(ExprList args) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            NodeValue v = args.get(0);
            String s = text("REPLACE", v);
            Pattern p = pattern("REPLACE", args, 1, 3);
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: pattern matches the empty string");
            Matcher m = p.matcher(guarded(s, env));
            String out = m.replaceAll(args.get(2).getString());
            return v.isLangString() ? NodeValue.makeLangString(out, v.getLang()) : NodeValue.makeString(out);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) { return eval(args, null); }

        @Override
        public Expr copy(ExprList newArgs) { return new Replace(newArgs); }
    }

    /** Whether an expression tree still holds an unguarded regex (for tests). */
    static boolean unguarded(Expr e) {
        return e instanceof ExprFunctionN f && ((f instanceof E_Regex && !(f instanceof Regex))
                || (f instanceof E_StrReplace && !(f instanceof Replace))
                || f instanceof E_Function fn && (FN_MATCHES.equals(fn.getFunctionIRI()) || FN_REPLACE.equals(fn.getFunctionIRI()))
                || f.getArgs().stream().anyMatch(GuardedRegex::unguarded));
    }
}
