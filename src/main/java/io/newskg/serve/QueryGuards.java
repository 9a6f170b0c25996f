package io.newskg.serve;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;

/**
 * JVM-wide guards on query evaluation, installed once by the server: SERVICE errors that say
 * nothing of what the remote answered, and regular expressions that stop when the query is
 * cancelled (see {@link GuardedRegex}).
 */
final class QueryGuards {
    private static boolean installed;

    private QueryGuards() {}

    static synchronized void install() {
        if (installed) return;
        org.apache.jena.sys.JenaSystem.init();
        installed = true;
        ServiceExecutorRegistry.get().addSingleLink(QUIET_SERVICE_ERRORS);
        GuardedRegex.install();
    }

    /** A failed SERVICE call is reported by status only: the remote body (maybe another local service's) stays out. */
    static final ChainingServiceExecutor QUIET_SERVICE_ERRORS = (opExec, opOrig, binding, execCxt, chain) -> {
        try {
            return chain.createExecution(opExec, opOrig, binding, execCxt);
        } catch (QueryCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isDenied(e)) throw e;
            String status = e instanceof HttpException h && h.getStatusCode() > 0 ? " (HTTP " + h.getStatusCode() + ")" : "";
            throw new QueryExecException("SERVICE " + NodeFmtLib.strNT(opOrig.getService()) + " failed" + status);
        }
    };

    private static boolean isDenied(RuntimeException e) {
        return e instanceof org.apache.jena.query.QueryDeniedException;
    }
}
