//! Putting a journal reflection into an essay section at the cursor, as its own paragraph.
//!
//! The change comes back as a [`TextEdit`], the same shape as an applied checker suggestion, so
//! the editor undoes it the same way ([`TextEdit::undo`]), and an undo after the text has changed
//! around it is refused rather than guessed.

use super::language_check::TextEdit;

/// Line breaks as the editor keeps them (`\n`), with the reflection's outer blank space trimmed.
fn clean(reflection: &str) -> String {
    reflection
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// The nearest character boundary at or before `at` (and within the text).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` with `reflection` inserted at byte offset `cursor` (moved back to a character boundary
/// if it falls inside one), and the edit that made it.
///
/// The reflection becomes a paragraph of its own: a blank line is added before it unless it
/// starts the section or already follows one, and after it unless it ends the section or a blank
/// line already follows. A reflection with nothing but spaces inserts nothing.
pub fn insert_reflection(text: &str, cursor: usize, reflection: &str) -> (String, TextEdit) {
    let at = boundary(text, cursor);
    let body = clean(reflection);
    let (before, after) = text.split_at(at);
    let mut inserted = String::new();
    if !body.is_empty() {
        if !before.is_empty() {
            let breaks = before.len() - before.trim_end_matches('\n').len();
            inserted.push_str(&"\n".repeat(2usize.saturating_sub(breaks)));
        }
        inserted.push_str(&body);
        if !after.is_empty() {
            let breaks = after.len() - after.trim_start_matches('\n').len();
            inserted.push_str(&"\n".repeat(2usize.saturating_sub(breaks)));
        }
    }
    let new_text = format!("{before}{inserted}{after}");
    let edit = TextEdit {
        start: at,
        removed: String::new(),
        inserted,
    };
    (new_text, edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reflection_goes_in_at_the_cursor_as_its_own_paragraph() {
        let text = "First paragraph.\n\nSecond paragraph.";
        let (after_first, _) = insert_reflection(text, 16, "What helped me was hope.");
        assert_eq!(
            after_first,
            "First paragraph.\n\nWhat helped me was hope.\n\nSecond paragraph."
        );
        let (at_end, edit) = insert_reflection(text, text.len(), "  A closing thought.\n");
        assert_eq!(
            at_end,
            "First paragraph.\n\nSecond paragraph.\n\nA closing thought."
        );
        assert_eq!(edit.start, text.len());
        let (into_empty, _) = insert_reflection("", 0, "Only this.");
        assert_eq!(into_empty, "Only this.");
    }

    #[test]
    fn blank_lines_already_there_are_not_doubled() {
        let text = "One.\n\n\n\nTwo.";
        let (new_text, _) = insert_reflection(text, 6, "Between.");
        assert_eq!(new_text, "One.\n\nBetween.\n\nTwo.");
        let (new_text, _) = insert_reflection("One.\n", 5, "Next.");
        assert_eq!(new_text, "One.\n\nNext.");
    }

    #[test]
    fn a_cursor_inside_a_character_or_past_the_end_is_kept_in_bounds() {
        let text = "Café 🌱";
        let (new_text, edit) = insert_reflection(text, 8, "x");
        assert_eq!(edit.start, 6, "back to the start of the emoji");
        assert_eq!(new_text, "Café \n\nx\n\n🌱");
        let (new_text, _) = insert_reflection(text, 999, "y");
        assert_eq!(new_text, "Café 🌱\n\ny");
    }

    #[test]
    fn the_insertion_undoes_exactly_and_only_while_it_is_still_there() {
        let text = "My recovery story starts here.\r\nIt goes on.";
        let (new_text, edit) = insert_reflection(text, 30, "Line one\r\nline two");
        assert!(
            new_text.contains("\n\nLine one\nline two\n"),
            "{new_text:?}"
        );
        assert_eq!(edit.undo(&new_text).unwrap(), text);
        let changed = new_text.replace("Line one", "Line 1");
        assert!(edit.undo(&changed).is_err(), "edited since: not guessed");
    }

    #[test]
    fn a_blank_reflection_inserts_nothing() {
        let (new_text, edit) = insert_reflection("Text.", 5, " \n\t ");
        assert_eq!(new_text, "Text.");
        assert!(edit.inserted.is_empty());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the section holds and wherever the cursor is, the text before and after the
        /// cursor is kept, the reflection is in between, and undo gives the section back.
        #[test]
        fn insertion_keeps_everything_and_undoes(
            text in "[a-zé🌱 \n]{0,40}",
            cursor in 0usize..60,
            reflection in "[a-z][a-z .\n]{0,20}",
        ) {
            let (new_text, edit) = insert_reflection(&text, cursor, &reflection);
            let at = edit.start;
            prop_assert!(new_text.starts_with(&text[..at]));
            prop_assert!(new_text.ends_with(&text[at..]));
            prop_assert!(new_text.contains(reflection.trim()));
            prop_assert_eq!(edit.undo(&new_text).unwrap(), text);
        }
    }
}
