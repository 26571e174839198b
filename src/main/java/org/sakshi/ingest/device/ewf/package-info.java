/**
 * A reader for Expert Witness Compression Format version 1 segment files (EWF-E01, as written by
 * EnCase 6 and by libewf's {@code ewfacquire}).
 *
 * <p>Hand-written because no maintained Java EWF reader is published on Maven Central (checked
 * November 2026; the known Java readers are unmaintained forks without releases). The format
 * knowledge comes from Joachim Metz's "Expert Witness Compression Format (EWF)" specification in
 * the libewf documentation; section and field names below follow that document. Only what
 * evidence verification needs is implemented: the header/header2 case metadata, the volume/disk
 * media geometry, the table/table2 chunk tables with their sectors sections, and the hash/digest
 * sections. EWF2 (Ex01), EWF-L01 logical evidence and EnCase 6.7 segment files over 2 GiB are not
 * read; the reader says so in a warning instead of guessing.
 */
package org.sakshi.ingest.device.ewf;
