package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.migrationledger.web.LedgerPosition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newest position of the event store, so that a live view (the dashboard) asks "anything new?" with one index
 * lookup per tick and reloads its data only when the answer changes, reading it back with {@code minPosition}.
 */
@RestController
@Tag(name = "Read models")
class LivePositionController {

    private final LedgerHead head;

    LivePositionController(LedgerHead head) {
        this.head = head;
    }

    @Operation(
            summary = "Read the newest ledger position",
            description =
                    "The highest position written to the event store (-1 when empty), also in the Ledger-Position header: poll it, and read again only when it has changed.")
    @GetMapping("/api/v1/position")
    ResponseEntity<PositionView> position() {
        long position = head.position();
        return ResponseEntity.ok()
                .header(LedgerPosition.HEADER, Long.toString(position))
                .body(new PositionView(position));
    }

    /** @param position the highest global index stored; -1 before the first event */
    record PositionView(long position) {}
}
