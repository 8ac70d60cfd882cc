//! A checked text cut into pieces for drawing marks in place: plain runs and flagged phrases.
//!
//! The editor draws marks behind a textarea by repeating the text in a "backdrop" with the flagged
//! phrases wrapped in marks. Keyed by content, the pieces let the page replace only the piece a
//! keystroke changed instead of the whole text.

use std::collections::HashMap;

use super::language_check::Finding;

/// One piece of a section's text for the highlight backdrop: plain text, or a flagged phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Piece {
    /// The text of this piece, exactly as in the section.
    pub text: String,
    /// Whether it is a flagged phrase (drawn as a mark).
    pub marked: bool,
    /// Which copy of an identical piece this is (pieces are keyed by content, so a repeated
    /// paragraph needs telling apart).
    pub copy: u32,
}

/// The section's text cut into pieces for the backdrop: plain runs (cut again at blank lines, so
/// a keystroke changes one small piece) and the flagged phrases. Nothing after the last finding
/// is needed, since the marks' places depend only on the text before them; with no findings there
/// are no pieces at all.
pub fn highlight_pieces(text: &str, findings: &[Finding]) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::with_capacity(findings.len() * 2 + 4);
    let mut seen = HashMap::<(&str, bool), u32>::new();
    let mut at = 0;
    for finding in findings {
        let (Some(plain), Some(phrase)) = (
            text.get(at..finding.start),
            text.get(finding.start..finding.end),
        ) else {
            // A stale finding (the text moved on); the next check will bring a fresh one.
            return Vec::new();
        };
        let mut rest = plain;
        while let Some(i) = rest.find("\n\n") {
            let (head, tail) = rest.split_at(i + 2);
            push(&mut pieces, &mut seen, head, false);
            rest = tail;
        }
        if !rest.is_empty() {
            push(&mut pieces, &mut seen, rest, false);
        }
        push(&mut pieces, &mut seen, phrase, true);
        at = finding.end;
    }
    pieces
}

/// Whether `pieces`, made earlier, are exactly what [`highlight_pieces`] would make of `text` and
/// `findings` now: the text they cover is unchanged and each mark is still a finding. True after
/// typing beyond the last finding (the usual case while writing), so the editor can keep them
/// without copying the text again.
pub fn pieces_still_fit(pieces: &[Piece], text: &str, findings: &[Finding]) -> bool {
    let mut at = 0;
    let mut marks = findings.iter();
    for piece in pieces {
        let end = at + piece.text.len();
        if text.get(at..end) != Some(piece.text.as_str()) {
            return false;
        }
        if piece.marked {
            match marks.next() {
                Some(f) if f.start == at && f.end == end => {}
                _ => return false,
            }
        }
        at = end;
    }
    marks.next().is_none()
}

/// Adds a piece, numbering it among identical ones.
fn push<'a>(
    pieces: &mut Vec<Piece>,
    seen: &mut HashMap<(&'a str, bool), u32>,
    part: &'a str,
    marked: bool,
) {
    let copy = seen.entry((part, marked)).or_insert(0);
    pieces.push(Piece {
        text: part.to_string(),
        marked,
        copy: *copy,
    });
    *copy += 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language_check::check_language;

    #[test]
    fn pieces_rebuild_the_text_up_to_the_last_finding() {
        let text =
            "Hope.\n\nI was suffering from anxiety.\n\nHope.\n\nNon-compliant, they said. The end.";
        let findings = check_language(text);
        let pieces = highlight_pieces(text, &findings);
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text[..findings[1].end]);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["suffering from", "Non-compliant"]);
        let hopes: Vec<u32> = pieces
            .iter()
            .filter(|p| p.text == "Hope.\n\n")
            .map(|p| p.copy)
            .collect();
        assert_eq!(hopes, [0, 1], "identical pieces are told apart");
        assert!(highlight_pieces("no findings here", &[]).is_empty());
        // Findings from a text that has since changed draw nothing rather than wrong marks.
        assert!(highlight_pieces("short", &findings).is_empty());
    }

    #[test]
    fn pieces_still_fit_only_while_the_text_up_to_the_last_mark_is_unchanged() {
        let text = "Hope.\n\nI was suffering from anxiety.";
        let pieces = highlight_pieces(text, &check_language(text));
        let fits = |t: &str| pieces_still_fit(&pieces, t, &check_language(t));
        assert!(fits(text));
        assert!(fits(
            "Hope.\n\nI was suffering from anxiety. More words at the end."
        ));
        assert!(!fits("Hope!\n\nI was suffering from anxiety."));
        assert!(!fits(
            "Hope.\n\nI was suffering from anxiety, and non-compliant."
        ));
        assert!(!fits("Hope.\n\nI was suffering."));
        assert!(pieces_still_fit(&[], "no findings", &[]));
        assert!(!pieces_still_fit(
            &[],
            "non-compliant",
            &check_language("non-compliant")
        ));
    }
}
