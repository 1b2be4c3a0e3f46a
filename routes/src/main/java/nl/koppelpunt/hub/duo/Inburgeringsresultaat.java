package nl.koppelpunt.hub.duo;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stored row of DUO's quarterly results with its percentages. A percentage is of inburgeringsplichtigen, to one
 * decimal (half up); with no inburgeringsplichtigen there is nothing to divide by, so the percentages are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inburgeringsresultaat(String kwartaal, int cohortjaar, int inburgeringsplichtigen, int voldaan, int ontheven,
                                    int nogInburgeringsplichtig, Integer termijnVerstreken, Integer leningToegekend,
                                    Percentages percentages) {

    static Inburgeringsresultaat van(String kwartaal, int cohortjaar, int plichtigen, int voldaan, int ontheven, int nog,
                                     Integer termijnVerstreken, Integer leningToegekend) {
        Percentages p = plichtigen == 0 ? null : new Percentages(pct(voldaan, plichtigen), pct(ontheven, plichtigen),
                pct(nog, plichtigen), termijnVerstreken == null ? null : pct(termijnVerstreken, plichtigen));
        return new Inburgeringsresultaat(kwartaal, cohortjaar, plichtigen, voldaan, ontheven, nog, termijnVerstreken,
                leningToegekend, p);
    }

    /** Shares of inburgeringsplichtigen, in percent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Percentages(BigDecimal voldaan, BigDecimal ontheven, BigDecimal nogInburgeringsplichtig,
                              BigDecimal termijnVerstreken) {
    }

    static BigDecimal pct(int deel, int geheel) {
        return BigDecimal.valueOf(deel * 100L).divide(BigDecimal.valueOf(geheel), 1, RoundingMode.HALF_UP);
    }
}
