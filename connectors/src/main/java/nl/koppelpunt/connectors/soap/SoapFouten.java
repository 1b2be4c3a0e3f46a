package nl.koppelpunt.connectors.soap;

import javax.xml.namespace.QName;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.Violation;
import nl.koppelpunt.schemas.XmlEncoding;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Refusals as SOAP 1.1 faults: faultcode Client when the sender must change the message, Server when it may retry
 * it unchanged; the faultstring names the problem and every failing element as an element path (JSON pointers of
 * the shared contract check mapped back to XML); the detail carries the same, machine-readable. Never a stack trace.
 */
final class SoapFouten {

    private SoapFouten() {
    }

    static SoapFault fault(IntakeException e, Berichttype type) {
        boolean server = e.probleem() == Probleem.HUB_NIET_BESCHIKBAAR || e.probleem() == Probleem.HUB_OVERBELAST;
        StringBuilder reason = new StringBuilder(e.probleem().titel()).append(": ").append(e.getMessage());
        for (Violation violation : e.violations()) {
            reason.append(" [").append(element(violation, type)).append(": ").append(violation.reason()).append(']');
        }
        QName code = server ? Soap11.getInstance().getReceiver() : Soap11.getInstance().getSender();
        SoapFault fault = new SoapFault(reason.toString(), code);
        Document document = newDocument();
        Element detail = document.createElement("detail");
        Element fout = document.createElementNS(XmlEncoding.NAMESPACE, "fout");
        Element probleem = document.createElementNS(XmlEncoding.NAMESPACE, "probleem");
        probleem.setTextContent(e.probleem().slug());
        fout.appendChild(probleem);
        for (Violation violation : e.violations()) {
            Element overtreding = document.createElementNS(XmlEncoding.NAMESPACE, "overtreding");
            overtreding.setAttribute("element", element(violation, type));
            overtreding.setTextContent(violation.reason());
            fout.appendChild(overtreding);
        }
        detail.appendChild(fout);
        document.appendChild(detail);
        fault.setDetail(detail);
        return fault;
    }

    /** A contract pointer as an element path; other names (a WS-Addressing header) as they are. */
    static String element(Violation violation, Berichttype type) {
        String pointer = violation.pointer();
        if (type != null && (pointer.isEmpty() || pointer.startsWith("/"))) {
            return XmlEncoding.xmlPath(type, pointer);
        }
        return pointer;
    }

    static Document newDocument() {
        return XmlEncoding.newDocument();
    }
}
