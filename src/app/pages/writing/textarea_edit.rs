//! Putting a checker edit (a suggestion applied, or undone) into a section's text.
//!
//! Where the trainee has a keyboard and mouse, the edit is typed into the textarea through the
//! browser's own "insert text" command, so it joins the textarea's native undo history and Ctrl+Z
//! keeps working. Setting a textarea's value from code would wipe that history. On touch screens
//! (no Ctrl+Z, and focusing the textarea would pop the on-screen keyboard up) and wherever the
//! command is missing, the text is changed in the draft and the textarea reloads it; the app's
//! own Undo button works either way.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::assignment::SectionId;
use crate::domain::language_check::{ApplyError, TextEdit};

/// Calls `target.name(args...)` if the browser has it, returning what it gave back.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(target, &args).ok()
}

/// Whether the main pointer is a mouse or trackpad (so there is likely a keyboard with Ctrl+Z).
fn fine_pointer() -> bool {
    call(&window().into(), "matchMedia", &["(pointer: fine)".into()])
        .and_then(|list| js_sys::Reflect::get(&list, &"matches".into()).ok())
        .and_then(|matches| matches.as_bool())
        .unwrap_or(false)
}

/// Offset in UTF-16 code units (what the textarea counts in) of byte offset `at` of `text`.
fn utf16_offset(text: &str, at: usize) -> u32 {
    text.get(..at)
        .map_or(0, |t| t.encode_utf16().count() as u32)
}

/// Makes `edit` through the browser's insert-text command. Returns whether the textarea then held
/// `new_text`.
fn insert_natively(
    element: &HtmlTextAreaElement,
    old_text: &str,
    edit: &TextEdit,
    new_text: &str,
) -> bool {
    if element.value() != old_text {
        return false;
    }
    let from = utf16_offset(old_text, edit.start);
    let to = utf16_offset(old_text, edit.start + edit.removed.len());
    let _ = element.focus();
    if element.set_selection_range(from, to).is_err() {
        return false;
    }
    let done = call(
        &document().into(),
        "execCommand",
        &[
            "insertText".into(),
            false.into(),
            edit.inserted.as_str().into(),
        ],
    )
    .and_then(|r| r.as_bool())
    .unwrap_or(false);
    done && element.value() == new_text
}

/// Makes `edit` to section `id`'s text (`old_text`, giving `new_text`) in the textarea (keeping
/// its undo history where it can) and in the draft.
pub fn write_edit(
    state: DraftState,
    id: SectionId,
    textarea: Option<HtmlTextAreaElement>,
    old_text: &str,
    edit: &TextEdit,
    new_text: String,
) {
    if let Some(element) = textarea.filter(|_| fine_pointer()) {
        // The textarea's own input handler saves the change into the draft as it happens.
        if insert_natively(&element, old_text, edit, &new_text)
            && state
                .draft
                .with_untracked(|d| d.section_text(id) == Some(&new_text))
        {
            return;
        }
    }
    // The draft changes and the textarea reloads from it (see DraftState::change).
    state.change(|draft, now| {
        let _ = draft.set_section_text(id, new_text, now);
    });
}

/// Takes `edit` back out of section `id`, written as [`write_edit`] writes, if the text it put in
/// is still there. If it is not, the section is left as it is and the error says why.
pub fn undo_edit(
    state: DraftState,
    id: SectionId,
    textarea: Option<HtmlTextAreaElement>,
    edit: &TextEdit,
) -> Result<(), ApplyError> {
    let text = state.section_text_untracked(id);
    let restored = edit.undo(&text)?;
    write_edit(state, id, textarea, &text, &edit.reversed(), restored);
    Ok(())
}
