//! The checker's grasp of English around a phrase (issue 17): possessives, plurals and verb
//! endings of a label, a label used as a noun, and the context that leaves everyday speech and a
//! trainee's description of themselves alone.

use peer_study::domain::language_check::check_language;

fn found(text: &str) -> Vec<(String, String)> {
    check_language(text)
        .into_iter()
        .map(|f| (f.entry_id, f.matched))
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    check_language(text)
        .into_iter()
        .map(|f| f.entry_id)
        .collect()
}

#[test]
fn labels_are_found_with_possessives_plurals_and_verb_endings() {
    // 's with a straight or curly apostrophe, and s' on a plural.
    assert_eq!(
        found("the addict's mum"),
        [("addict".into(), "addict's".into())]
    );
    assert_eq!(
        found("the addict\u{2019}s mum"),
        [("addict".into(), "addict\u{2019}s".into())]
    );
    assert_eq!(
        found("addicts' voices"),
        [("addict".into(), "addicts".into())]
    );
    // Plurals grown from the singular, with a non-breaking hyphen.
    assert_eq!(
        found("two bed\u{2011}blockers"),
        [("bed-blocker".into(), "bed\u{2011}blockers".into())]
    );
    // -s, -ed and -ing grown from the base verb.
    for text in [
        "acts out",
        "acted out",
        "acting out",
        "commits suicide",
        "committing suicide",
    ] {
        assert_eq!(found(text).len(), 1, "{text}");
    }
    // A label used as a noun, but not the same word describing something else.
    assert_eq!(
        ids("She was called an anorexic."),
        ["eating-disorder-labels"]
    );
    assert!(ids("I still notice anorexic thoughts.").is_empty());
    assert_eq!(
        ids("You know what borderlines are like."),
        ["borderline-label"]
    );
    assert!(ids("It was a borderline pass.").is_empty());
}

#[test]
fn context_keeps_everyday_and_self_description_alone() {
    for fine in [
        "I was suffering from the heat.",
        "She's suffering from jet lag and a cold.",
        "He suffered from a hangover.",
        "I had to commit suicide prevention to memory.",
        "I'm bipolar and proud of it.",
        "I called myself an addict for years.",
        "The patients on the ward chose a film.",
        "I relapsed last winter.",
        "The old asylum is now flats.",
    ] {
        assert!(
            ids(fine).is_empty(),
            "false alarm in {fine:?}: {:?}",
            found(fine)
        );
    }
    assert_eq!(
        ids("She is suffering from severe anxiety."),
        ["suffering-from"]
    );
    assert_eq!(ids("My dad is bipolar."), ["bipolar-label"]);
    assert_eq!(ids("He called me an addict."), ["addict"]);
}
