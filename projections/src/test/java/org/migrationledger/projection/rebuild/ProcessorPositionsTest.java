package org.migrationledger.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class ProcessorPositionsTest {

    @Test
    void aTokenCoversEveryPositionUpToItsIndexWithoutGaps() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of());

        assertThat(ProcessorPositions.covers(token, 10)).isTrue();
        assertThat(ProcessorPositions.covers(token, 11)).isFalse();
    }

    @Test
    void aGapAtOrBelowThePositionMeansAnEventThereIsNotProcessedYet() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(7L));

        assertThat(ProcessorPositions.covers(token, 6)).isTrue();
        assertThat(ProcessorPositions.covers(token, 7)).isFalse();
        assertThat(ProcessorPositions.covers(token, 9)).isFalse();
    }

    @Test
    void aReplayingSegmentCountsWhereItHasReplayedTo() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(100, Set.of());
        GapAwareTrackingToken replayed = GapAwareTrackingToken.newInstance(40, Set.of());

        assertThat(ProcessorPositions.covers(ReplayToken.createReplayToken(head, replayed), 40))
                .isTrue();
        assertThat(ProcessorPositions.covers(ReplayToken.createReplayToken(head, replayed), 41))
                .isFalse();
        assertThat(ProcessorPositions.covers(null, 0)).isFalse();
    }

    @Test
    void processedUpToStopsBelowTheLowestGapNotAtTheHighestIndexSeen() {
        assertThat(ProcessorPositions.processedUpTo(GapAwareTrackingToken.newInstance(10, Set.of(4L, 7L))))
                .isEqualTo(3);
        assertThat(ProcessorPositions.processedUpTo(GapAwareTrackingToken.newInstance(10, Set.of())))
                .isEqualTo(10);
        assertThat(ProcessorPositions.processedUpTo((TrackingToken) null)).isEqualTo(-1);
        assertThat(ProcessorPositions.processedUpTo(
                        ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, Set.of()), null)))
                .isEqualTo(-1);
    }
}
