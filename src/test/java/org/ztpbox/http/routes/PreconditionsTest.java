package org.ztpbox.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ztpbox.http.routes.Preconditions.Conditions;
import org.ztpbox.http.routes.Preconditions.Result;

/** RFC 9110 §13.2.2 evaluation order and §13.1.5 If-Range. */
class PreconditionsTest {

    private static final String ETAG = "\"800-18c6f2\"";
    // Sub-second part: HTTP dates carry whole seconds, so this must still count as "not modified".
    private static final Instant MODIFIED = Instant.parse("2026-03-01T10:00:00.750Z");
    private static final String AT = "Sun, 01 Mar 2026 10:00:00 GMT";
    private static final String BEFORE = "Sun, 01 Mar 2026 09:59:59 GMT";

    private static Result get(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
        return Preconditions.evaluate(new Conditions(ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince), true,
                ETAG, MODIFIED);
    }

    @Test
    void noConditionsProceed() {
        assertThat(get(null, null, null, null)).isEqualTo(Result.PROCEED);
    }

    @Test
    void ifNoneMatchGivesNotModifiedWithWeakComparison() {
        assertThat(get(null, ETAG, null, null)).isEqualTo(Result.NOT_MODIFIED);
        assertThat(get(null, "W/" + ETAG, null, null)).isEqualTo(Result.NOT_MODIFIED);
        assertThat(get(null, "\"other\", " + ETAG, null, null)).isEqualTo(Result.NOT_MODIFIED);
        assertThat(get(null, "*", null, null)).isEqualTo(Result.NOT_MODIFIED);
        assertThat(get(null, "\"other\"", null, null)).isEqualTo(Result.PROCEED);
        assertThat(Preconditions.evaluate(new Conditions(null, ETAG, null, null), false, ETAG, MODIFIED))
                .isEqualTo(Result.FAILED);
    }

    @Test
    void ifModifiedSinceAtSecondResolutionAndIgnoredUnderIfNoneMatch() {
        assertThat(get(null, null, AT, null)).isEqualTo(Result.NOT_MODIFIED);
        assertThat(get(null, null, BEFORE, null)).isEqualTo(Result.PROCEED);
        assertThat(get(null, null, "not a date", null)).isEqualTo(Result.PROCEED);
        // §13.2.2 step 4 only runs when If-None-Match is absent.
        assertThat(get(null, "\"other\"", AT, null)).isEqualTo(Result.PROCEED);
    }

    @Test
    void ifMatchIsStrongAndTakesPrecedenceOverIfUnmodifiedSince() {
        assertThat(get(ETAG, null, null, null)).isEqualTo(Result.PROCEED);
        assertThat(get("W/" + ETAG, null, null, null)).isEqualTo(Result.FAILED);
        assertThat(get("\"other\"", null, null, null)).isEqualTo(Result.FAILED);
        assertThat(get("*", null, null, null)).isEqualTo(Result.PROCEED);
        assertThat(get(null, null, null, BEFORE)).isEqualTo(Result.FAILED);
        assertThat(get(null, null, null, AT)).isEqualTo(Result.PROCEED);
        assertThat(get(ETAG, null, null, BEFORE)).isEqualTo(Result.PROCEED);
    }

    @Test
    void ifRangeHoldsOnlyForTheSameStrongTagOrExactDate() {
        assertThat(Preconditions.rangeApplies(null, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies(ETAG, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies("W/" + ETAG, ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeApplies("\"old\"", ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeApplies(AT, ETAG, MODIFIED)).isTrue();
        assertThat(Preconditions.rangeApplies(BEFORE, ETAG, MODIFIED)).isFalse();
        assertThat(Preconditions.rangeApplies("garbage", ETAG, MODIFIED)).isFalse();
    }

    @Test
    void datesAreImfFixdateWithTwoDigitDays() {
        assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }
}
