//! Printing (and "Save as PDF"): the print stylesheet shows only a plain copy of the draft, built
//! here just before the browser prints and cleared afterwards.
//!
//! Textareas print badly (they clip long text), so the copy is real headings and paragraphs. It
//! is built on `beforeprint`, which also fires for the browser's own Print menu, and never while
//! typing, so it costs nothing on the keystroke path. Text goes in as text nodes only.

use leptos::prelude::*;
use web_sys::Element;

use crate::domain::assignment::paragraphs;
use crate::domain::export::{ExportDocument, EMPTY_DRAFT_NOTE};

/// Append a `tag` element holding `text` (as text, never markup) to `parent`.
fn append_text(parent: &Element, tag: &str, class: Option<&str>, text: &str) {
    if let Ok(element) = document().create_element(tag) {
        if let Some(class) = class {
            element.set_class_name(class);
        }
        element.set_text_content(Some(text));
        let _ = parent.append_child(&element);
    }
}

/// Fill `container` with the printable draft: title, title line, section headings, paragraphs.
pub fn fill_print_view(container: &Element, doc: &ExportDocument<'_>) {
    container.set_text_content(None);
    append_text(container, "h1", None, doc.title);
    append_text(container, "p", Some("print-title-line"), &doc.title_line());
    if !doc.has_text() {
        append_text(container, "p", Some("print-note"), EMPTY_DRAFT_NOTE);
    }
    for section in doc.sections_to_write() {
        append_text(container, "h2", None, &section.title);
        for paragraph in paragraphs(&section.text) {
            append_text(container, "p", None, paragraph);
        }
    }
}

/// Empty the printable copy again.
pub fn clear_print_view(container: &Element) {
    container.set_text_content(None);
}
