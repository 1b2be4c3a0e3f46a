package nl.koppelpunt.connectors.autorisatie;

import java.util.ArrayList;
import java.util.List;

import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The authorisation matrix as a Markdown table for people: one row per operation (per message type where the
 * matrix decides per type), one column per role. {@code docs/security/autorisatie.md} holds this text between its
 * markers, and a test keeps the two equal, so the documentation cannot drift from the code.
 */
public final class AutorisatieTabel {

    /** Marks the start of the generated table in the documentation. */
    public static final String BEGIN = "<!-- autorisatie-tabel: generated from Autorisatie.java, do not edit by hand -->";
    /** Marks the end of the generated table in the documentation. */
    public static final String EINDE = "<!-- /autorisatie-tabel -->";

    private AutorisatieTabel() {
    }

    /** The table and the legend of operations, without the markers. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        List<String> kop = new ArrayList<>(List.of("operatie", "berichttype"));
        for (Rol rol : Rol.values()) {
            kop.add(rol.code());
        }
        rij(md, kop);
        rij(md, kop.stream().map(k -> "---").toList());
        for (Operatie operatie : Operatie.values()) {
            if (operatie.perBerichttype()) {
                for (Berichttype type : Berichttype.values()) {
                    List<String> cellen = new ArrayList<>(List.of("`" + operatie.code() + "`", type.code()));
                    for (Rol rol : Rol.values()) {
                        cellen.add(teken(Autorisatie.reikwijdte(rol, operatie, type)));
                    }
                    rij(md, cellen);
                }
            } else {
                List<String> cellen = new ArrayList<>(List.of("`" + operatie.code() + "`", ""));
                for (Rol rol : Rol.values()) {
                    cellen.add(teken(Autorisatie.reikwijdte(rol, operatie)));
                }
                rij(md, cellen);
            }
        }
        md.append('\n');
        for (Operatie operatie : Operatie.values()) {
            md.append("- `").append(operatie.code()).append("`: ").append(operatie.omschrijving()).append(".\n");
        }
        return md.toString();
    }

    private static String teken(Reikwijdte reikwijdte) {
        return reikwijdte == Reikwijdte.GEEN ? "—" : reikwijdte.code();
    }

    private static void rij(StringBuilder md, List<String> cellen) {
        md.append("| ").append(String.join(" | ", cellen)).append(" |\n");
    }
}
