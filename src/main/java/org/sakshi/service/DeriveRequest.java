package org.sakshi.service;

import java.util.List;
import java.util.Objects;
import org.sakshi.core.Actor;
import org.sakshi.core.TimestampSource;

/**
 * A new item made from an existing one (docs/custody-ledger.md#event-types-and-details), e.g. a redacted copy of a photo: the parent
 * item's id, the new item's file name and bytes, how it was made ({@code method}, e.g.
 * {@code redaction}), why ({@code reason}), the regions changed as {@code [x, y, w, h]} in the
 * parent's pixels (empty when not applicable), who made it, and the TSAs to stamp it with.
 */
public record DeriveRequest(String parentId, String name, byte[] content, String method, String reason,
                            List<List<Integer>> regions, Actor actor, List<TimestampSource> tsas) {
    public DeriveRequest {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(method, "method");
        regions = regions == null ? List.of() : regions.stream().map(List::copyOf).toList();
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
    }
}
