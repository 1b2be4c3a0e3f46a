package nl.koppelpunt.hub.sftp;

import java.io.File;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.springframework.stereotype.Component;

/**
 * Which files a partner's SFTP client holds open for writing right now, as the server sees it, so the inbox route
 * leaves them alone ({@code filter=#sftpSchrijvers}). {@code readLock=changed} only sees the clock: a client that
 * stops writing mid-file for longer than {@code stil-ms} (a slow link, a stalled job) would have its half file
 * taken. The server knows better: the file is done when the client closes it, or when its session ends (then
 * MINA closes the handle and reports {@code exiting}).
 */
@Component("sftpSchrijvers")
public class SftpSchrijvers implements SftpEventListener, GenericFileFilter<File> {

    /** Open write handles and the real file each writes; a file may be open more than once. */
    private final Map<Handle, Path> open = new ConcurrentHashMap<>();

    @Override
    public void open(ServerSession session, String remoteHandle, Handle handle) {
        if (handle instanceof FileHandle && schrijft((FileHandle) handle)) {
            open.put(handle, echtPad(handle.getFile()));
        }
    }

    /** A file renamed while still open (a client that renames before it closes) stays held under its new name. */
    @Override
    public void moved(ServerSession session, Path van, Path naar, Collection<CopyOption> opties, Throwable fout) {
        if (fout == null) {
            Path oud = echtPad(van);
            Path nieuw = echtPad(naar);
            open.replaceAll((handle, pad) -> pad.equals(oud) ? nieuw : pad);
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle handle, Throwable fout) {
        open.remove(handle);
    }

    @Override
    public void exiting(ServerSession session, Handle handle) {
        open.remove(handle);
    }

    /** Camel's file filter: a file some client is still writing is skipped in this poll and looked at again later. */
    @Override
    public boolean accept(GenericFile<File> file) {
        return file.isDirectory() || !wordtGeschreven(Path.of(file.getAbsoluteFilePath()));
    }

    boolean wordtGeschreven(Path bestand) {
        return open.containsValue(bestand.toAbsolutePath().normalize());
    }

    private static boolean schrijft(FileHandle handle) {
        return handle.getOpenOptions().contains(StandardOpenOption.WRITE) || handle.getOpenOptions().contains(StandardOpenOption.APPEND);
    }

    /** The handle's path lives in the partner's chroot; the route sees the real one below the chroot's root. */
    private static Path echtPad(Path pad) {
        if (!(pad.getFileSystem() instanceof RootedFileSystem)) {
            return pad.toAbsolutePath().normalize();
        }
        String binnen = pad.toAbsolutePath().normalize().toString();
        Path root = ((RootedFileSystem) pad.getFileSystem()).getRoot();
        return root.resolve(binnen.startsWith("/") ? binnen.substring(1) : binnen).toAbsolutePath().normalize();
    }
}
