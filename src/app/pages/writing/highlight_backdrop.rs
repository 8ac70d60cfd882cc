//! Marks drawn in place behind a section's textarea (a textarea cannot style parts of its text).
//!
//! The "highlight backdrop": a box behind the textarea with the same font, padding, border and
//! wrapping, holding the same text as text nodes with each flagged phrase in a `<mark>`. Its text
//! is invisible; only the marks show, through the textarea's transparent background. It follows
//! the textarea's scrolling, and screen readers skip it (the findings list says the same in
//! words). Its pieces are keyed by content, so a keystroke replaces one small piece of it.

use leptos::html::Div;
use leptos::prelude::*;

use crate::domain::highlight::Piece;

/// The backdrop for one section's textarea.
#[component]
pub fn HighlightBackdrop(
    /// The section's text cut into plain and flagged pieces (empty when nothing is flagged).
    pieces: Memo<Vec<Piece>>,
    /// The backdrop element, so the textarea can keep it scrolled with itself.
    backdrop: NodeRef<Div>,
) -> impl IntoView {
    view! {
        <div class="lc-backdrop" aria-hidden="true" node_ref=backdrop>
            <For
                each=move || pieces.get()
                key=|piece| piece.clone()
                children=|piece| {
                    if piece.marked {
                        view! { <mark class="lc-mark">{piece.text}</mark> }.into_any()
                    } else {
                        piece.text.into_any()
                    }
                }
            />
        </div>
    }
}
