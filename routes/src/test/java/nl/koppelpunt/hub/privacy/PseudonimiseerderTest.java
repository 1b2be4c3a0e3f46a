package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PseudonimiseerderTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @Test
    void stablePerKeyDistinctPerPersonAndPerKey() {
        Pseudonimiseerder a = new Pseudonimiseerder(KEY_A);
        assertThat(a.pseudoniem("123456782")).isEqualTo(new Pseudonimiseerder(KEY_A).pseudoniem("123456782"));
        assertThat(a.pseudoniem("123456782")).isNotEqualTo(a.pseudoniem("111222333"));
        assertThat(a.pseudoniem("123456782")).isNotEqualTo(new Pseudonimiseerder(KEY_B).pseudoniem("123456782"));
        assertThat(a.pseudoniem("123456782")).hasSize(64).doesNotContain("123456782");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Pseudonimiseerder(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
