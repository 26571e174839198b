package org.sakshi.service;

/** Custody audit of a case or a received bundle (issue 8). Not implemented yet. */
public final class AuditService {
}
