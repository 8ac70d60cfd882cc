//! The checker is reachable from the crate root as `peer_study::check_language`, returning
//! serialisable `peer_study::Finding`s (the issue names that path, so a tool can rely on it).

use peer_study::{check_language, Finding};

#[test]
fn the_crate_root_checker_finds_a_phrase_with_its_byte_range_and_suggestions() {
    let text = "My brother suffers from anxiety.";
    let findings: Vec<Finding> = check_language(text);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(&text[finding.start..finding.end], "suffers from");
    assert_eq!(finding.matched, "suffers from");
    assert_eq!(finding.entry_id, "suffering-from");
    assert!(finding.suggestions.iter().any(|s| s == "lives with"));
    assert!(!finding.why.is_empty());

    let json = serde_json::to_value(finding).unwrap();
    for field in ["start", "end", "matched", "entry_id", "suggestions", "why"] {
        assert!(json.get(field).is_some(), "Finding serialises {field}");
    }
}

#[test]
fn the_crate_root_checker_leaves_strengths_based_writing_alone() {
    assert!(check_language("She is living with depression and loves her allotment.").is_empty());
}
