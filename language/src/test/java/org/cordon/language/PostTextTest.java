package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void dropsLinksMentionsAndEmailAddressesButKeepsHashtagWords() {
        List<PostText.ScriptGroup> groups = PostText.groupsOf(
                "@anna_k look https://t.co/x1 www.example.org t.me/somewhere mail me at a@b.org #GoodMorning");

        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.script()).isEqualTo(UnicodeScript.LATIN);
            assertThat(group.text()).isEqualTo("look mail me at Good Morning");
            assertThat(group.bodyLetters()).isEqualTo(12);
            assertThat(group.hashtagLetters()).isEqualTo(11);
            assertThat(group.weight()).isEqualTo(12 + 5.5);
        });
    }

    @Test
    void gathersTheWordsOfEachScriptIntoOneGroupInOrderOfAppearance() {
        List<PostText.ScriptGroup> groups = PostText.groupsOf("آج میں office سے جلدی گھر آ گیا");

        assertThat(groups).extracting(PostText.ScriptGroup::script)
                .containsExactly(UnicodeScript.ARABIC, UnicodeScript.LATIN);
        assertThat(groups.get(0).text()).isEqualTo("آج میں سے جلدی گھر آ گیا");
        assertThat(groups.get(1).text()).isEqualTo("office");
    }

    @Test
    void rejoinsWordsBrokenByZeroWidthAndBidiControlCharacters() {
        List<PostText.ScriptGroup> groups = PostText.groupsOf("Gu\u200Bten Mor\u200Dgen \u202Eheute\u202C");

        assertThat(groups).singleElement().extracting(PostText.ScriptGroup::text).isEqualTo("Guten Morgen heute");
    }

    @Test
    void turnsLoneSurrogatesAndControlCharactersIntoSeparators() {
        List<PostText.ScriptGroup> groups = PostText.groupsOf("abc\uD800def\u0000ghi\uDC00jkl");

        assertThat(groups).singleElement().extracting(PostText.ScriptGroup::text).isEqualTo("abc def ghi jkl");
    }

    @Test
    void foldsFullWidthAndMathematicalLettersToPlainOnes() {
        List<PostText.ScriptGroup> groups = PostText.groupsOf("ｈｅｌｌｏ \uD835\uDC07\uD835\uDC1E\uD835\uDC25\uD835\uDC25\uD835\uDC28");

        assertThat(groups).singleElement().extracting(PostText.ScriptGroup::text).isEqualTo("hello Hello");
    }

    @Test
    void readsLatinLookAlikesNextToCyrillicLettersAsThePalochka() {
        assertThat(PostText.restorePalochka("цIе")).isEqualTo("ц\u04C0е");
        assertThat(PostText.restorePalochka("Iуьйре")).isEqualTo("\u04C0уьйре");
        assertThat(PostText.restorePalochka("I like it")).isEqualTo("I like it");
    }

    @Test
    void keepsApostrophesAndHyphensInsideWords() {
        assertThat(PostText.groupsOf("aujourd'hui İstanbul'a e-posta").getFirst().text())
                .isEqualTo("aujourd'hui İstanbul'a e-posta");
    }

    @Test
    void truncatesToTheDocumentedLengthWithoutSplittingASurrogatePair() {
        String text = "a".repeat(LanguageIdentifier.MAXIMUM_INPUT_LENGTH - 1) + "\uD835\uDC07" + "b".repeat(10);

        String truncated = PostText.truncate(text);

        assertThat(truncated).hasSize(LanguageIdentifier.MAXIMUM_INPUT_LENGTH - 1);
        assertThat(Character.isHighSurrogate(truncated.charAt(truncated.length() - 1))).isFalse();
    }

    @Test
    void findsNoGroupInTextWithoutLetters() {
        assertThat(PostText.groupsOf("😂😂 12:45 3-1 ⚽️ !!! https://t.co/x")).isEmpty();
        assertThat(PostText.groupsOf("")).isEmpty();
    }
}
