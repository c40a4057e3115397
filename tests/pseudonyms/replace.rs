//! Names replaced as whole words, in any script.

use super::*;

#[test]
fn names_are_replaced_as_whole_words_whatever_their_case() {
    let names = [("Mosque", "Faith group A")];
    assert_eq!(
        replaced("the MOSQUE said", &names),
        "the Faith group A said"
    );
    assert_eq!(replaced("mosque", &names), "Faith group A");
    assert_eq!(
        replaced("the Mosque's hall", &names),
        "the Faith group A's hall"
    );
    assert_eq!(replaced("(Mosque)", &names), "(Faith group A)");
    for longer in ["Mosques", "the mosque2 list", "Grand-Mosques", "premosque"] {
        assert_eq!(replaced(longer, &names), longer);
    }
}

#[test]
fn a_name_inside_another_name_gives_way_to_the_longer() {
    // Listed shorter first: the order given does not matter, the longer is tried first.
    let names = [
        ("Mosque", "Faith group B"),
        ("Mosque women's group", "Faith group A"),
    ];
    assert_eq!(
        replaced(
            "The Mosque women's group met at the Mosque; Mosques nearby.",
            &names
        ),
        "The Faith group A met at the Faith group B; Mosques nearby."
    );
    // Where the longer is part of a longer word, the shorter is still a whole word.
    assert_eq!(
        replaced("Mosque women's groups", &names),
        "Faith group B women's groups"
    );
}

#[test]
fn a_names_white_space_matches_any_run_of_white_space() {
    let names = [("Hindu temple", "Faith group C")];
    for text in [
        "the Hindu  temple",
        "the Hindu\ntemple",
        "the hindu \t TEMPLE",
    ] {
        assert_eq!(replaced(text, &names), "the Faith group C");
    }
    assert_eq!(
        replaced("the Hindu temple", &[("Hindu   temple", "X")]),
        "the X"
    );
    assert_eq!(replaced("the Hindutemple", &names), "the Hindutemple");
}

#[test]
fn arabic_names_are_whole_words_and_the_article_joins_the_word() {
    let names = [("مسجد", "P2"), ("مسجد النور", "P1")];
    assert_eq!(
        replaced("ذهبنا إلى مسجد النور ثم المسجد", &names),
        "ذهبنا إلى P1 ثم المسجد"
    );
    // The longer name alone: its first word is not replaced.
    assert_eq!(
        replaced("ذهبنا إلى مسجد", &[("مسجد النور", "P1")]),
        "ذهبنا إلى مسجد"
    );
    // A vowel mark (tanween) continues the word.
    assert_eq!(replaced("مسجدٌ", &names), "مسجدٌ");
    // "المسجد" holds the name inside a longer word: left over.
    let table = table_of(&[("مسجد", "P2")]);
    assert_eq!(names_found_in("ثم المسجد", &table), ["مسجد"]);
}

#[test]
fn urdu_names_end_at_the_urdu_full_stop() {
    let names = [("اسلامی مرکز", "X")];
    assert_eq!(replaced("ہم اسلامی مرکز گئے۔", &names), "ہم X گئے۔");
    assert_eq!(replaced("ہم گئے اسلامی مرکز۔", &names), "ہم گئے X۔");
    assert_eq!(replaced("اسلامی مرکزوں میں", &names), "اسلامی مرکزوں میں");
}

#[test]
fn bengali_vowel_signs_and_the_virama_continue_a_word_and_the_danda_ends_it() {
    let names = [("মসজিদ", "X")];
    assert_eq!(
        replaced("আমরা মসজিদ কমিটিতে যাই। মসজিদ।", &names),
        "আমরা X কমিটিতে যাই। X।"
    );
    // "মসজিদে" (at the mosque) ends in a vowel sign: another word.
    assert_eq!(replaced("আমরা মসজিদে যাই", &names), "আমরা মসজিদে যাই");
    // "কাল্পনিক" begins with "কাল" and a virama.
    assert_eq!(replaced("কাল্পনিক কাল", &[("কাল", "Y")]), "কাল্পনিক Y");
}

#[test]
fn somali_names_match_with_either_apostrophe() {
    let names = [("Hay'adda Samafalka", "Organisation A")];
    assert_eq!(
        replaced(
            "Waxaan la shaqeynay hay’adda samafalka iyo dugsiga.",
            &names
        ),
        "Waxaan la shaqeynay Organisation A iyo dugsiga."
    );
    assert_eq!(replaced("HAY'ADDA SAMAFALKA", &names), "Organisation A");
    assert_eq!(
        replaced("Hay'adda Samafalkaa", &names),
        "Hay'adda Samafalkaa"
    );
}
