package io.newskg.gazetteer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containment read from the division codes' leading digits. */
class RegionWithinTest {
    private static final Region GUANGDONG = new Region("440000", "广东省", Region.Level.PROVINCE, null);
    private static final Region GUANGZHOU = new Region("440100", "广州市", Region.Level.PREFECTURE, "440000");
    private static final Region TIANHE = new Region("440106", "天河区", Region.Level.COUNTY, "440100");
    private static final Region SHENZHEN = new Region("440300", "深圳市", Region.Level.PREFECTURE, "440000");
    private static final Region SHIPAI = new Region("440106011", "石牌街道", Region.Level.TOWNSHIP, "440106");

    @Test
    void insideItsAncestorsAndItself() {
        assertTrue(TIANHE.within(GUANGDONG));
        assertTrue(TIANHE.within(GUANGZHOU));
        assertTrue(SHIPAI.within(TIANHE));
        assertTrue(GUANGZHOU.within(GUANGZHOU));
    }

    @Test
    void notInsideASiblingOrAChild() {
        assertFalse(TIANHE.within(SHENZHEN));
        assertFalse(GUANGDONG.within(GUANGZHOU), "a province is not inside its city");
        assertFalse(TIANHE.within(SHIPAI));
    }
}
