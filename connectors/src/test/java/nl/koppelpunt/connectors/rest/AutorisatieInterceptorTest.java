package nl.koppelpunt.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.Rol;

/** The REST side of the matrix: deny by default, the cell of the endpoint's operation, and no borrowed OIN. */
class AutorisatieInterceptorTest {

    private final AutorisatieInterceptor interceptor = new AutorisatieInterceptor();

    /** Stand-ins for controller methods. */
    static class Endpoints {
        @Vereist(value = Operatie.OVERZICHT_LEZEN, alle = true)
        void lijst() {
        }

        @Vereist(Operatie.STATUS_LEZEN)
        void status() {
        }

        @Vereist(Operatie.VERSTUREN)
        void intake() {
        }

        void vergeten() {
        }
    }

    @Test
    void anEndpointWithoutAnOperationIsRefusedToEveryoneEvenABeheerder() {
        assertThatThrownBy(() -> preHandle(partner(Rol.BEHEERDER), "vergeten"))
                .isInstanceOfSatisfying(IntakeException.class, e -> assertThat(e.probleem()).isEqualTo(Probleem.NIET_TOEGESTAAN));
    }

    @Test
    void anEndpointThatShowsEveryonesDataNeedsTheCellAlle() throws Exception {
        assertThat(preHandle(partner(Rol.OPERATOR), "lijst")).isTrue();
        assertThatThrownBy(() -> preHandle(partner(Rol.AUDITOR), "lijst")).isInstanceOf(IntakeException.class);
        assertThatThrownBy(() -> preHandle(partner(Rol.COA), "lijst")).isInstanceOf(IntakeException.class);
    }

    @Test
    void anEndpointThatNarrowsToTheOwnLetsEigenThroughAndRefusesGeen() throws Exception {
        assertThat(preHandle(partner(Rol.GEMEENTE), "status")).isTrue();
        assertThatThrownBy(() -> preHandle(partner(Rol.AUDITOR), "status")).isInstanceOf(IntakeException.class);
    }

    @Test
    void sendingIsLeftToTheIntakeThatEveryChannelShares() throws Exception {
        assertThat(preHandle(partner(Rol.AUDITOR), "intake")).isTrue();
    }

    @Test
    void aHeaderClaimingAnotherOinIsRefusedBeforeAnythingElse() {
        MockHttpServletRequest request = request(partner(Rol.BEHEERDER));
        request.addHeader("X-OIN", "00000099000000000001");
        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), handler("lijst")))
                .isInstanceOfSatisfying(IntakeException.class, e -> {
                    assertThat(e.probleem()).isEqualTo(Probleem.ANDERE_IDENTITEIT);
                    assertThat(e.violations()).extracting(v -> v.pointer()).containsExactly("X-OIN");
                });
    }

    @Test
    void whatIsNoControllerIsNotAuthorisedHere() throws Exception {
        assertThat(interceptor.preHandle(request(partner(Rol.AUDITOR)), new MockHttpServletResponse(), new Object())).isTrue();
    }

    private boolean preHandle(Partner partner, String methode) throws Exception {
        return interceptor.preHandle(request(partner), new MockHttpServletResponse(), handler(methode));
    }

    private static MockHttpServletRequest request(Partner partner) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.setAttribute(ClientCertificateFilter.PARTNER_ATTRIBUTE, partner);
        return request;
    }

    private static HandlerMethod handler(String methode) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(methode));
    }

    private static Partner partner(Rol rol) {
        return new Partner(rol.code(), rol.code(), "00000099000000009990", rol, rol == Rol.GEMEENTE ? "GM0344" : null, Set.of());
    }
}
