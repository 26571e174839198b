package org.sakshi.service;

import java.time.Instant;
import java.util.UUID;

/** A case in a lab server's register: its id, number, title, folder and vault (as registered), and when it was made. */
public record LabCase(UUID id, String number, String title, String folder, String vault, Instant createdAt) {
}
