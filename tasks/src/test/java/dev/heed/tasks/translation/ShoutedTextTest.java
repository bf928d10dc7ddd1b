package dev.heed.tasks.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heed.tasks.translation.ShoutedText.Style;
import org.junit.jupiter.api.Test;

class ShoutedTextTest {

    @Test
    void capitalsAreReadInSentenceCaseAndTheTranslationGivenBackInCapitals() {
        String shouted = "A MAN IS RIDING A BICYCLE DOWN THE STREET.";
        assertEquals(Style.CAPITALS, ShoutedText.styleOf(shouted));
        assertEquals("A man is riding a bicycle down the street.", ShoutedText.normalize(shouted, Style.CAPITALS));
        assertEquals("EIN MANN FÄHRT MIT DEM FAHRRAD DIE STRAßE HINUNTER.",
                ShoutedText.restore("Ein Mann fährt mit dem Fahrrad die Straße hinunter.", Style.CAPITALS));
        // a stray lower-case letter or digits do not hide the shouting
        assertEquals(Style.CAPITALS, ShoutedText.styleOf("\"TWO DOGS PLAY IN 3 FEET OF SNOWe\""));
    }

    @Test
    void titleCaseIsReadInSentenceCaseAndTheTranslationLeftAsItIs() {
        String title = "A Woman In A Red Dress Is Walking Down The Street.";
        assertEquals(Style.TITLE, ShoutedText.styleOf(title));
        assertEquals("A woman in a red dress is walking down the street.", ShoutedText.normalize(title, Style.TITLE));
        assertEquals("Eine Frau geht.", ShoutedText.restore("Eine Frau geht.", Style.TITLE));
    }

    @Test
    void ordinaryTextAcronymsAndShortShoutsAreLeftAlone() {
        for (String text : new String[] {"A man is riding a bicycle.", "The NASA team met in the USA today.",
            "OK.", "Anna Met Bob.", "", "1234 56", "a girl in a yellow shirt"}) {
            Style style = ShoutedText.styleOf(text);
            assertEquals(Style.ORDINARY, style, text);
            assertEquals(text, ShoutedText.normalize(text, style));
        }
    }

    @Test
    void everyMappingKeepsTheLengthSoSpansStillPoint() {
        String text = "İSTANBUL'DA ÇOK GÜZEL BİR GÜN 🐠 STRASSE ﬁ";
        Style style = ShoutedText.styleOf(text);
        assertEquals(Style.CAPITALS, style);
        assertEquals(text.length(), ShoutedText.normalize(text, style).length());
        assertEquals("straße ﬁ".length(), ShoutedText.restore("straße ﬁ", Style.CAPITALS).length());
    }
}
