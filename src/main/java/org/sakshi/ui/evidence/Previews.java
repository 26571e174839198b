package org.sakshi.ui.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.Item;
import org.sakshi.ui.common.Messages;

/** Chooses the viewer for an opened item: image, chat, device dump, or a plain record with its files. */
final class Previews {
    private Previews() {
    }

    static Node of(Item item, EvidenceViewModel.Opened opened) {
        return of(item, opened, null);
    }

    /** As {@link #of(Item, EvidenceViewModel.Opened)}; a photo's viewer offers Redact when {@code redact} is given. */
    static Node of(Item item, EvidenceViewModel.Opened opened, Runnable redact) {
        return switch (item.kind()) {
            case SCREENSHOT -> opened.view().content() != null ? new ImageViewer(item, opened.view().content(), redact)
                    : plain(item, opened);
            case CHAT -> new ChatViewer(opened.chat() != null ? opened.chat() : new ChatViewModel(opened.records()),
                    opened.recordsTruncated());
            case DEVICE -> device(item, opened);
            case FILE -> plain(item, opened);
        };
    }

    private static Node device(Item item, EvidenceViewModel.Opened opened) {
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        Object format = EvidenceViewModel.summaryValue(item, "format");
        Label head = new Label(Messages.get("device.heading", format == null ? "?" : format,
                nz(EvidenceViewModel.summaryValue(item, "members"))));
        head.getStyleClass().add("detail-title");
        box.getChildren().add(head);
        if (EvidenceViewModel.summaryValue(item, "acquisition") instanceof Map<?, ?> acq && !acq.isEmpty()) {
            box.getChildren().add(acquisition(acq));
        }
        List<DumpMember> members = new ArrayList<>();
        for (Map<String, Object> r : opened.records()) {
            members.add(DumpMember.of(r));
        }
        if (members.isEmpty() && opened.view().entries() != null) {
            for (FolderEntry e : opened.view().entries()) {
                members.add(new DumpMember(e.path(), e.size(), e.sha256(), "file"));
            }
        }
        MembersTable table = new MembersTable(members, opened.recordsTruncated());
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.getChildren().add(table);
        return box;
    }

    /** E01 acquisition metadata and whether the image's stored hashes were verified. */
    private static Node acquisition(Map<?, ?> acq) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        g.getStyleClass().add("kv-grid");
        Object verified = acq.get("verified");
        Label badge = new Label(Messages.get(Boolean.TRUE.equals(verified) ? "device.verified"
                : Boolean.FALSE.equals(verified) ? "device.mismatch" : "device.unverified"));
        badge.getStyleClass().setAll("verdict-badge", Boolean.TRUE.equals(verified) ? "passed"
                : Boolean.FALSE.equals(verified) ? "failed" : "indeterminate");
        g.add(badge, 0, 0, 2, 1);
        int r = 1;
        for (String k : List.of("case_number", "evidence_number", "examiner", "description", "notes", "md5_stored",
                "md5_computed", "sha1_stored", "sha1_computed")) {
            if (acq.get(k) != null) {
                Label l = new Label(Messages.get("device." + k));
                l.getStyleClass().add("field-label");
                Label v = new Label(String.valueOf(acq.get(k)));
                v.getStyleClass().add(k.startsWith("md5") || k.startsWith("sha1") ? "hash" : "value");
                g.addRow(r++, l, v);
            }
        }
        return g;
    }

    private static Node plain(Item item, EvidenceViewModel.Opened opened) {
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        Label l = new Label(Messages.get("preview.plain", item.name(), Messages.get("kind." + item.kind().json())));
        l.setWrapText(true);
        box.getChildren().add(l);
        if (opened.view().content() != null) {
            Label p = new Label(Messages.get("preview.vault", opened.view().content()));
            p.getStyleClass().add("hint");
            p.setWrapText(true);
            box.getChildren().add(p);
        }
        if (opened.view().entries() != null && !opened.view().entries().isEmpty()) {
            List<DumpMember> members = opened.view().entries().stream()
                    .map(e -> new DumpMember(e.path(), e.size(), e.sha256(), "file")).toList();
            MembersTable t = new MembersTable(members, false);
            VBox.setVgrow(t, javafx.scene.layout.Priority.ALWAYS);
            box.getChildren().add(t);
        }
        return box;
    }

    private static String nz(Object o) {
        return o == null ? "?" : String.valueOf(o);
    }
}
