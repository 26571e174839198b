package org.sakshi.service;

import java.time.ZoneId;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;

/** What an officer fills in to open a case. */
public record NewCase(String number, String title, String agency, Jurisdiction jurisdiction, ZoneId zone,
                      Actor officer) {
}
