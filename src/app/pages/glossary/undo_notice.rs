//! The glossary's notice after a change the trainee can take back (a suggestion tried in the
//! checker, an own entry deleted): what was done, then an Undo button the caller moves focus to,
//! so taking it back is one press away.

use leptos::html::Button;
use leptos::prelude::*;

/// What was just done, with an Undo button, and anything else the notice offers after it.
#[component]
pub fn UndoNotice(
    /// What was done, as a sentence ending in a space ("“x” has been deleted. ").
    text: String,
    /// The Undo button, for the caller to move focus to it.
    undo_button: NodeRef<Button>,
    /// Takes the change back.
    on_undo: Callback<()>,
    /// Shown after the button (a way on).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <p class="gl-notice">
            {text}
            <button
                type="button"
                class="button primary"
                node_ref=undo_button
                on:click=move |_| on_undo.run(())
            >
                "Undo"
            </button>
            {children.map(|more| more())}
        </p>
    }
}
