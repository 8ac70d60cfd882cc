//! Findings of the recovery-language checker that the trainee has chosen not to see in one draft:
//! one spot ("Not here"), or every phrase of one glossary entry ("Don't flag … in this draft").
//!
//! Dismissals are kept with the draft (see [`Draft::dismissed`](super::assignment::Draft)) and
//! must outlive editing. Byte offsets do not: one letter typed earlier in the section moves them.
//! A spot is therefore remembered by what it says and what surrounds it: the glossary entry, the
//! phrase exactly as written, and up to [`CONTEXT_CHARS`] characters either side of it on the same
//! line. So a dismissal survives any edit elsewhere (other paragraphs, other sections, other lines,
//! moving the paragraph, restoring a version), and lapses when the words right beside it change,
//! which is when the trainee might want a second look anyway. (An occurrence count, "the second
//! 'suffering from' in this section", was the other choice; it silently moves to a different spot
//! when an earlier copy of the phrase is added or removed, and it would hide a phrase the trainee
//! never saw.) The same phrase with the same words around it in two places is dismissed in both,
//! which is what the trainee would expect of two identical spots.

use serde::{Deserialize, Serialize};

use super::language_check::Finding;

/// How many characters either side of a phrase identify its spot.
pub const CONTEXT_CHARS: usize = 20;

/// One finding, or one kind of finding, that the trainee chose not to see in this draft.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
// Externally tagged ({"spot": {...}}): an internally tagged enum needs serde to buffer every
// value first, which costs the browser build several kilobytes.
#[serde(rename_all = "snake_case")]
pub enum Dismissal {
    /// One spot: this phrase, with these words beside it.
    Spot {
        /// The glossary entry that flagged it.
        entry_id: String,
        /// The phrase exactly as written.
        matched: String,
        /// Up to [`CONTEXT_CHARS`] characters just before it, on the same line.
        before: String,
        /// Up to [`CONTEXT_CHARS`] characters just after it, on the same line.
        after: String,
    },
    /// Every phrase of one glossary entry, anywhere in this draft.
    Entry {
        /// The glossary entry.
        entry_id: String,
        /// The phrase as it was first dismissed, to name the choice to the trainee later.
        matched: String,
    },
}

/// Up to [`CONTEXT_CHARS`] characters either side of `start..end`, stopping at a line break.
/// Offsets that are out of range or not on character boundaries give empty context.
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let before = text.get(..start).unwrap_or_default();
    let after = text.get(end..).unwrap_or_default();
    let before: String = {
        let line = before.rsplit('\n').next().unwrap_or_default();
        let skip = line.chars().count().saturating_sub(CONTEXT_CHARS);
        line.chars().skip(skip).collect()
    };
    let after: String = after
        .split('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    (before, after)
}

impl Dismissal {
    /// Dismiss this one spot of `text` (the section's text the finding was found in).
    pub fn spot(text: &str, finding: &Finding) -> Dismissal {
        let (before, after) = context(text, finding.start, finding.end);
        Dismissal::Spot {
            entry_id: finding.entry_id.clone(),
            matched: finding.matched.clone(),
            before,
            after,
        }
    }

    /// Dismiss every phrase of the finding's glossary entry in this draft.
    pub fn entry(finding: &Finding) -> Dismissal {
        Dismissal::Entry {
            entry_id: finding.entry_id.clone(),
            matched: finding.matched.clone(),
        }
    }

    /// The glossary entry this dismissal is about.
    pub fn entry_id(&self) -> &str {
        match self {
            Dismissal::Spot { entry_id, .. } | Dismissal::Entry { entry_id, .. } => entry_id,
        }
    }

    /// The phrase as the trainee wrote it when they dismissed it.
    pub fn matched(&self) -> &str {
        match self {
            Dismissal::Spot { matched, .. } | Dismissal::Entry { matched, .. } => matched,
        }
    }

    /// Whether this dismissal hides `finding`, found in `text`.
    pub fn covers(&self, text: &str, finding: &Finding) -> bool {
        match self {
            Dismissal::Entry { entry_id, .. } => *entry_id == finding.entry_id,
            Dismissal::Spot {
                entry_id,
                matched,
                before,
                after,
            } => {
                *entry_id == finding.entry_id
                    && *matched == finding.matched
                    && context(text, finding.start, finding.end) == (before.clone(), after.clone())
            }
        }
    }
}

/// The findings of `text` that no dismissal covers, in their order. Costs nothing when there are
/// no dismissals (the usual case on every keystroke).
pub fn without_dismissed(
    text: &str,
    findings: Vec<Finding>,
    dismissed: &[Dismissal],
) -> Vec<Finding> {
    if dismissed.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter(|f| !dismissed.iter().any(|d| d.covers(text, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::Draft;
    use crate::domain::language_check::check_language;

    fn first(text: &str) -> Finding {
        check_language(text).remove(0)
    }

    fn visible(text: &str, dismissed: &[Dismissal]) -> Vec<String> {
        without_dismissed(text, check_language(text), dismissed)
            .into_iter()
            .map(|f| format!("{}@{}", f.matched, f.start))
            .collect()
    }

    #[test]
    fn a_dismissed_spot_is_hidden_and_the_same_phrase_elsewhere_is_not() {
        let text = "I was suffering from anxiety. My brother was suffering from grief.";
        let spot = Dismissal::spot(text, &first(text));
        assert_eq!(visible(text, &[spot]), ["suffering from@45"]);
    }

    #[test]
    fn a_dismissed_spot_survives_edits_elsewhere() {
        let text = "I was suffering from anxiety.\n\nLater on, things changed.";
        let spot = Dismissal::spot(text, &first(text));
        let dismissed = [spot];
        for edited in [
            // A new paragraph before it moves every offset.
            "A new opening paragraph.\n\nI was suffering from anxiety.\n\nLater on, things changed.",
            // Words on another line, and a new flagged phrase elsewhere.
            "I was suffering from anxiety.\n\nLater on, I was non-compliant.",
            // The same phrase added earlier, in other words.
            "He said he was suffering from stress.\nI was suffering from anxiety.",
        ] {
            let spot = edited.find("I was suffering from anxiety").unwrap() + "I was ".len();
            let left = visible(edited, &dismissed);
            assert!(
                !left.contains(&format!("suffering from@{spot}")),
                "the dismissed spot came back in {edited:?}: {left:?}"
            );
        }
        // The phrase added earlier in its own words is still flagged.
        assert_eq!(
            visible(
                "He said he was suffering from stress.\nI was suffering from anxiety.",
                &dismissed
            ),
            ["suffering from@15"]
        );
    }

    #[test]
    fn a_dismissed_spot_lapses_when_the_words_beside_it_change() {
        let text = "I was suffering from anxiety.";
        let dismissed = [Dismissal::spot(text, &first(text))];
        assert!(visible(text, &dismissed).is_empty());
        assert_eq!(
            visible("I was suffering from panic.", &dismissed),
            ["suffering from@6"]
        );
        assert_eq!(
            visible("I was Suffering from anxiety.", &dismissed),
            ["Suffering from@6"],
            "the phrase as written is part of the spot"
        );
    }

    #[test]
    fn context_stops_at_the_line_and_at_the_length_limit() {
        let text = "First line\nsome words before non-compliant after words that go on and on";
        let f = first(text);
        let Dismissal::Spot { before, after, .. } = Dismissal::spot(text, &f) else {
            panic!("a spot");
        };
        assert_eq!(before, "some words before ");
        assert_eq!(after, " after words that go");
        assert_eq!(after.chars().count(), CONTEXT_CHARS);

        // Characters, not bytes, so non-Latin text is cut on a character boundary.
        let text = "ééééééééééééééééééééééé non-compliant";
        let Dismissal::Spot { before, .. } = Dismissal::spot(text, &first(text)) else {
            panic!("a spot");
        };
        assert_eq!(before.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn dismissing_an_entry_hides_all_its_phrases_but_no_others() {
        let text = "She suffers from stress. He suffered from grief. He was non-compliant.";
        let dismissed = [Dismissal::entry(&first(text))];
        assert_eq!(visible(text, &dismissed), ["non-compliant@56"]);
    }

    #[test]
    fn drafts_keep_dismissals_once_each_and_can_take_them_back() {
        let text = "I was suffering from anxiety.";
        let f = first(text);
        let mut draft = Draft::default();
        assert!(draft.dismiss(Dismissal::spot(text, &f)));
        assert!(!draft.dismiss(Dismissal::spot(text, &f)), "no duplicates");
        assert!(draft.dismiss(Dismissal::entry(&f)));
        assert_eq!(draft.dismissed.len(), 2);
        assert!(draft.undismiss(&Dismissal::entry(&f)));
        assert!(!draft.undismiss(&Dismissal::entry(&f)));
        assert_eq!(draft.dismissed, [Dismissal::spot(text, &f)]);
    }

    #[test]
    fn a_draft_stored_before_dismissals_existed_still_loads() {
        let mut json = serde_json::to_value(Draft::default()).unwrap();
        json.as_object_mut().unwrap().remove("dismissed");
        let draft: Draft = serde_json::from_value(json).unwrap();
        assert!(draft.dismissed.is_empty());
    }

    #[test]
    fn dismissals_round_trip_through_storage() {
        let text = "I was suffering from anxiety.";
        let mut draft = Draft::default();
        draft.dismiss(Dismissal::spot(text, &first(text)));
        draft.dismiss(Dismissal::entry(&first(text)));
        let json = serde_json::to_string(&draft).unwrap();
        assert!(
            json.contains(r#""dismissed":[{"spot":{"entry_id":"suffering-from""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), draft);
    }

    #[test]
    fn a_finding_with_offsets_off_the_text_is_not_covered_by_mistake() {
        let text = "I was suffering from anxiety.";
        let spot = Dismissal::spot(text, &first(text));
        let mut stale = first(text);
        stale.start = 500;
        stale.end = 514;
        assert!(!spot.covers(text, &stale));
    }
}
