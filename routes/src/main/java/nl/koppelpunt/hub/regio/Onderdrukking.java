package nl.koppelpunt.hub.regio;

/**
 * Small-count suppression for the regional figures, so that no person can be singled out. Every count is of persons
 * within one gemeente's gekoppelde vergunninghouders of the region:
 * <ul>
 * <li>the number gekoppeld is shown only when it is at least the threshold;</li>
 * <li>a count of a subgroup (consent, profile delivered, parked) is shown only when both it and its complement
 *     (gekoppeld minus it, the persons without) are at least the threshold, and gekoppeld is shown: otherwise
 *     "7 gekoppeld, 5 with consent" would give away the 2 without by subtraction, and "all 7" or "none" says
 *     something about every single person in the group;</li>
 * <li>there are no totals over gemeenten, so a suppressed cell cannot be recovered from a regional total.</li>
 * </ul>
 * So zero is suppressed too: "nobody here gave consent" is a statement about each person.
 */
public final class Onderdrukking {

    private final int drempel;

    public Onderdrukking(int drempel) {
        if (drempel < 1) {
            throw new IllegalArgumentException("koppelpunt.statistiek.drempel must be at least 1");
        }
        this.drempel = drempel;
    }

    public int drempel() {
        return drempel;
    }

    /** The number of gekoppelde vergunninghouders of a gemeente. */
    public Telling gekoppeld(long gekoppeld) {
        return gekoppeld >= drempel ? Telling.getoond(gekoppeld) : Telling.ONDERDRUKT;
    }

    /** A subgroup of the gekoppelde vergunninghouders of the same gemeente. */
    public Telling deelVan(long deel, long gekoppeld) {
        boolean toonbaar = gekoppeld >= drempel && deel >= drempel && gekoppeld - deel >= drempel;
        return toonbaar ? Telling.getoond(deel) : Telling.ONDERDRUKT;
    }

    /** One published cell: the count, or null with {@code onderdrukt} set. */
    public record Telling(Long aantal, boolean onderdrukt) {

        static final Telling ONDERDRUKT = new Telling(null, true);

        static Telling getoond(long aantal) {
            return new Telling(aantal, false);
        }
    }
}
