package nl.koppelpunt.schemas;

/** Sender-facing sentences for failed {@code format} assertions; none of them quotes the value. */
final class FormatReasons {

    private FormatReasons() {
    }

    static String reason(String format) {
        switch (format) {
            case BsnFormat.NAME:
                return "not a valid burgerservicenummer: it fails the 11-proef (format bsn)";
            case "date":
                return "not a valid date: expected an ISO 8601 full-date yyyy-mm-dd (format date)";
            case "date-time":
                return "not a valid date-time: expected RFC 3339 with a time zone,"
                        + " e.g. 2017-04-03T09:30:00+02:00 (format date-time)";
            case "email":
                return "not a valid e-mail address (format email)";
            case "uuid":
                return "not a valid UUID (format uuid)";
            default:
                return "does not match the format '" + format + "' (format)";
        }
    }
}
