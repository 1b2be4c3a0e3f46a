package nl.koppelpunt.hub.sftp;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * Run by {@link SftpGeheugenIT} in a JVM of its own with a small {@code -Xmx}: the production {@link BatchVerwerker}
 * over a batch file, with an intake that only counts (the hub behind it is not what is measured). Every
 * {@code meetElke} lines the sink forces a full GC and records the heap still in use: the live set at that moment,
 * in the middle of the batch, with the reader, the parser and both report generators at work.
 *
 * <p>Arguments: the file, {@code stroom} (count only) or {@code bewaar} (the control: a sink that keeps every
 * message, as a batch read into memory would), and {@code meetElke}. Prints one line
 * {@code geaccepteerd=<n> fouten=<n> bewaard=<n> voor-kb=<kb> levend-kb=<kb>,<kb>,...} (voor: before the batch); exits non-zero (OutOfMemoryError) when the heap is
 * too small.
 */
public final class GeheugenMeting {

    private GeheugenMeting() {
    }

    public static void main(String[] args) throws Exception {
        Path bestand = Path.of(args[0]);
        boolean bewaar = "bewaar".equals(args[1]);
        int meetElke = Integer.parseInt(args[2]);
        List<byte[]> bewaard = new ArrayList<>();
        List<Long> levendKb = new ArrayList<>();
        int[] geteld = {0};
        IntakeGateway teller = request -> {
            if (bewaar) {
                bewaard.add(request.inhoud());
            }
            if (++geteld[0] % meetElke == 0) {
                levendKb.add(levend() / 1024);
            }
            return new IntakeReceipt(UUID.randomUUID(), BerichtStatus.ONTVANGEN, false);
        };
        long voorKb = levend() / 1024;
        Partner coa = new Partner("coa", "COA", "00000099000000000001", Rol.COA, null, Set.of(Berichttype.SCREENING));
        BatchVerwerker.Resultaat resultaat = new BatchVerwerker(teller, 1_048_576, 1, 1).verwerk(bestand, coa);
        System.out.println("geaccepteerd=" + resultaat.geaccepteerd() + " fouten=" + resultaat.fouten()
                + " bewaard=" + bewaard.size() + " voor-kb=" + voorKb + " levend-kb=" + levendKb.toString().replaceAll("[\\[\\] ]", ""));
    }

    /** The heap in use right after a full collection (the child runs SerialGC, where System.gc() is a full GC). */
    private static long levend() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
