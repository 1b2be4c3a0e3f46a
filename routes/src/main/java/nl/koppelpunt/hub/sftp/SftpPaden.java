package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Refuses every SFTP path with a control or format character (a newline, an escape, a right-to-left override) before
 * it reaches the file system: such a name cannot be created, opened or renamed to, and the partner's client gets
 * "invalid file name" at once. Names that do get into a folder another way are still refused by the inbox
 * ({@link Batchnaam}); this keeps them out of listings, the archive and third-party logs (Camel's DEBUG lines name
 * the file) in the first place.
 */
final class SftpPaden implements SftpFileSystemAccessor {

    @Override
    public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
            throws IOException, InvalidPathException {
        for (int i = 0; i < remotePath.length(); i++) {
            char c = remotePath.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                // The exception's text can reach a log: the path with the offending characters masked.
                throw new InvalidPathException(remotePath.codePoints()
                        .map(p -> Character.isISOControl(p) || Character.getType(p) == Character.FORMAT ? '?' : p)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(),
                        "control or format character in an SFTP path", i);
            }
        }
        return SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
    }
}
