package org.sakshi.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code verify --json} shape of docs/cli.md#json-of-verify, as ordered maps and lists for any JSON writer. */
public final class ReportJson {
    private ReportJson() {
    }

    public static Map<String, Object> toMap(VerificationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", r.verdict().name());
        m.put("bundle_id", r.bundleId());
        m.put("case_number", r.caseNumber());
        if (r.signer() == null) {
            m.put("signer", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subject", r.signer().subject());
            s.put("cert_sha256", r.signer().certSha256());
            s.put("trusted", r.signer().trusted());
            m.put("signer", s);
        }
        List<Object> ts = new ArrayList<>();
        for (VerificationReport.TimestampInfo t : r.timestamps()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", t.file());
            o.put("time", t.time() == null ? null : t.time().toString());
            o.put("tsa", t.tsa());
            o.put("valid", t.valid());
            o.put("trusted", t.trusted());
            ts.add(o);
        }
        m.put("timestamps", ts);
        List<Object> cs = new ArrayList<>();
        for (Check c : r.checks()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("code", c.code().name());
            o.put("result", c.result().name());
            o.put("target", c.target());
            o.put("message", c.message());
            cs.add(o);
        }
        m.put("checks", cs);
        List<Object> is = new ArrayList<>();
        for (VerificationReport.ItemResult i : r.items()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", i.id());
            o.put("path", i.path());
            o.put("sha256", i.sha256());
            o.put("result", i.result().name());
            is.add(o);
        }
        m.put("items", is);
        return m;
    }
}
