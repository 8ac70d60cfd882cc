//! The editor's own tools, within reach wherever the trainee is writing: a compact bar that stays
//! at the top of the screen as the page scrolls (the text still comes first under it).
//!
//! The bar holds two buttons. "Tools" opens a small panel (a disclosure) with the "Check my
//! language" switch, which says its state in words, and the ways to the versions and the export;
//! on a phone those cards sit below every section, thousands of pixels down. "Focus mode" says
//! what it will do ("Leave focus mode" while on), so a phone, which has no Escape key, always has
//! a visible way out; Escape is mentioned only where a keyboard is likely (see writing.css).

use leptos::html::Button;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::pages::writing::language_check::LanguageCheck;
use crate::domain::profile::Profile;

/// The id of the tools panel, for the button's `aria-controls`.
const TOOLS_PANEL_ID: &str = "editor-tools";

/// Bring a card into view by its heading and move focus there, so a screen reader and the
/// keyboard carry on from the card (the heading gets `tabindex="-1"` to be focusable at all).
fn go_to_heading(id: &str) {
    let Some(heading) = document().get_element_by_id(id) else {
        return;
    };
    let _ = heading.set_attribute("tabindex", "-1");
    // To the top of the screen, clear of this bar (the page's scroll-padding-top), rather than
    // the bottom edge where focusing alone would leave it.
    heading.scroll_into_view();
    if let Some(heading) = heading.dyn_ref::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
}

/// The bar of the editor's own tools.
#[component]
pub fn EditorToolbar(
    /// The language checker, for whether it is on.
    check: LanguageCheck,
    /// The profile that keeps "Check my language" off when the trainee turns it off.
    profile: RwSignal<Profile>,
    /// Whether focus mode is on.
    focus_mode: RwSignal<bool>,
    /// The focus-mode button, where Escape returns focus when leaving from outside the text.
    focus_button: NodeRef<Button>,
    /// Whether the tools panel is open (Escape closes it; see the editor).
    tools_open: RwSignal<bool>,
    /// The "Tools" button, where focus returns when the panel closes by Escape.
    tools_button: NodeRef<Button>,
) -> impl IntoView {
    let go_to = move |id: &'static str| {
        tools_open.set(false);
        go_to_heading(id);
    };
    view! {
        <div class="editor-toolbar">
            <div class="editor-toolbar-row">
                <button
                    type="button"
                    class="button tools-toggle hide-in-focus"
                    node_ref=tools_button
                    aria-expanded=move || if tools_open.get() { "true" } else { "false" }
                    aria-controls=TOOLS_PANEL_ID
                    on:click=move |_| tools_open.update(|open| *open = !*open)
                >
                    "Tools"
                </button>
                // Last in the bar, so in focus mode Tab goes from this button straight to the
                // writing.
                <button
                    type="button"
                    class="button focus-toggle"
                    node_ref=focus_button
                    on:click=move |_| {
                        tools_open.set(false);
                        focus_mode.update(|on| *on = !*on);
                    }
                >
                    {move || if focus_mode.get() { "Leave focus mode" } else { "Focus mode" }}
                </button>
                <Show when=move || focus_mode.get()>
                    // Only shown where a keyboard is likely (writing.css): phones have no Escape.
                    <span class="focus-hint keyboard-hint">"Escape leaves it too."</span>
                </Show>
            </div>
            <div id=TOOLS_PANEL_ID class="editor-tools hide-in-focus" hidden=move || !tools_open.get()>
                <div class="switch-line">
                    <button
                        type="button"
                        role="switch"
                        class="switch check-toggle"
                        aria-checked=move || if check.on.get() { "true" } else { "false" }
                        on:click=move |_| {
                            profile.update(|p| p.language_check_off = !p.language_check_off)
                        }
                    >
                        <span class="switch-track" aria-hidden="true">
                            <span class="switch-thumb"></span>
                        </span>
                        "Check my language"
                    </button>
                    <p class="switch-state">
                        {move || {
                            if check.on.get() {
                                "Checking is on: kinder words are suggested as you write."
                            } else {
                                "Checking is off: nothing in your text is marked."
                            }
                        }}
                    </p>
                </div>
                <div class="editor-tools-links">
                    <button type="button" class="button quiet" on:click=move |_| go_to("history-heading")>
                        "Versions"
                    </button>
                    <button type="button" class="button quiet" on:click=move |_| go_to("export-heading")>
                        "Export and print"
                    </button>
                </div>
            </div>
        </div>
    }
}
