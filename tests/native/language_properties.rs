//! Property tests for the language checker: for any Unicode text it never panics, every finding
//! lies on character boundaries and quotes the text exactly, findings never overlap, and the
//! per-paragraph cache always agrees with a full check, with or without own entries.

use peer_study::domain::glossary::{OwnEntryDraft, TraineeGlossary};
use peer_study::domain::language_check::{
    apply_suggestion, check_language, Checker, Finding, ParagraphCache,
};
use proptest::prelude::*;

fn assert_well_formed(text: &str, findings: &[Finding]) {
    let mut last_end = 0;
    for f in findings {
        assert!(f.start < f.end, "{f:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert_eq!(&text[f.start..f.end], f.matched);
        assert!(f.start >= last_end, "findings overlap: {findings:?}");
        last_end = f.end;
    }
}

/// Text made of glossary phrases, odd punctuation, quotes, line breaks and arbitrary Unicode, so
/// that findings actually happen.
fn drafts() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("suffering from".to_string()),
        Just("non-compliant".to_string()),
        Just("NON\u{2011}compliant".to_string()),
        Just("what\u{2019}s wrong with you".to_string()),
        Just("be patient".to_string()),
        Just("the patient".to_string()),
        Just("a schizophrenic".to_string()),
        Just("committed suicide".to_string()),
        Just("basket case".to_string()),
        Just("\u{201C}".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("-".to_string()),
        Just("e\u{301}".to_string()),
        Just("İ".to_string()),
        any::<String>(),
        "[a-zA-Z ]{0,12}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn own_checker() -> Checker {
    let mut g = TraineeGlossary::default();
    g.add_own(&OwnEntryDraft {
        term: "Basket case".into(),
        explanation: "A phrase I want to notice.".into(),
        instead_of: vec![
            "basket case".into(),
            "İstanbul{s,}".into(),
            "e\u{301}clair".into(),
        ],
        suggestions: vec!["struggling".into()],
        ..Default::default()
    })
    .unwrap();
    Checker::with_own_entries(&g.own_entries)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_text_gives_well_formed_findings(text in any::<String>()) {
        let findings = check_language(&text);
        assert_well_formed(&text, &findings);
    }

    #[test]
    fn drafts_with_phrases_give_well_formed_findings_with_own_entries(text in drafts()) {
        let checker = own_checker();
        let findings = checker.check(&text);
        assert_well_formed(&text, &findings);
        assert_well_formed(&text, &check_language(&text));
    }

    #[test]
    fn the_paragraph_cache_always_agrees_with_a_full_check(a in drafts(), b in drafts()) {
        let checker = own_checker();
        let mut cache = ParagraphCache::new();
        prop_assert_eq!(checker.check_cached(&a, &mut cache), checker.check(&a));
        // A second text sharing paragraphs with the first reuses them and still agrees.
        let joined = format!("{a}\n\n{b}");
        prop_assert_eq!(checker.check_cached(&joined, &mut cache), checker.check(&joined));
        prop_assert_eq!(checker.check_cached(&b, &mut cache), checker.check(&b));
    }

    #[test]
    fn applying_any_suggestion_then_undoing_restores_the_text(text in drafts()) {
        for f in check_language(&text) {
            for s in &f.suggestions {
                let (new_text, edit) = apply_suggestion(&text, &f, s).unwrap();
                prop_assert_eq!(edit.undo(&new_text).unwrap(), text.clone());
            }
        }
    }
}
