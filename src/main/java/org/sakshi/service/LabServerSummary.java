package org.sakshi.service;

import java.nio.file.Path;

/** A lab server as this workstation knows it: name, address (no credentials), login role, shared vault folder. */
public record LabServerSummary(String name, String address, String user, Path vault) {
}
