package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CombinedIdentifierTest extends LanguageIdentifierContract {

    private static CombinedIdentifier combined;

    @BeforeAll
    static void load() {
        combined = CombinedIdentifier.standard();
    }

    @AfterAll
    static void unload() {
        combined.close();
    }

    @Override
    LanguageIdentifier identifier() {
        return combined;
    }

    @Test
    void takesPashtoAndChechenFromOpenNlp() {
        assertThat(combined.identify("د هوا وړاندوینه وايي چې نن شپه به تندر او باران وي، جامې دننه راوړئ").language())
                .contains("ps");
        assertThat(combined.identify("Нанас жижиг-галнаш дина тахана, чӀогӀа мерза ду").language()).contains("ce");
    }

    @Test
    void settlesIndonesianAgainstMalayWithHighAccuracy() {
        assertThat(combined.name()).isEqualTo("combined");
        assertThat(combined.identify("Kalian nggak merasa harga beras naik terus akhir-akhir ini? Macet banget di jalan tol")
                .language()).contains("id");
        assertThat(combined.identify("Hujung minggu ni kami balik rumah nenek, harap jalan raya tak sesak").language())
                .contains("ms");
    }

    @Test
    void keepsPersianAndRussianWhenOpenNlpHasNoClearPashtoOrChechen() {
        assertThat(combined.identify("امروز هوا خیلی خوب بود و با خانواده به پارک رفتیم").language()).contains("fa");
        assertThat(combined.identify("Завтра обещают тёплую погоду, поедем с детьми в парк").language()).contains("ru");
    }
}
