//! One section of the draft: its heading, its prompts as gentle hints, the textarea the trainee
//! writes in (with the language checker's marks behind it), its own word count, the checker's
//! findings, and its outline tools.

use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::pages::writing::draft_state::DraftState;
use crate::app::pages::writing::findings_list::FindingsList;
use crate::app::pages::writing::highlight_backdrop::HighlightBackdrop;
use crate::app::pages::writing::language_check::{section_pieces, section_text, LanguageCheck};
use crate::app::pages::writing::outline::SectionTools;
use crate::domain::assignment::SectionId;
use crate::domain::word_count::TargetProgress;

/// Whether the browser grows a textarea with its text by itself (CSS `field-sizing: content`).
fn grows_natively() -> bool {
    let supports = || -> Option<bool> {
        let css = js_sys::Reflect::get(&window(), &"CSS".into()).ok()?;
        let supports: js_sys::Function = js_sys::Reflect::get(&css, &"supports".into())
            .ok()?
            .dyn_into()
            .ok()?;
        supports
            .call1(&css, &"field-sizing: content".into())
            .ok()?
            .as_bool()
    };
    supports().unwrap_or(false)
}

/// Where the browser cannot grow a textarea itself, fit its height to its text. This reads the
/// layout, so it runs only in those browsers.
///
/// Through the element's style object, never its `style` attribute: the app's CSP (`style-src
/// 'self'`) refuses inline style attributes, so in WebKit, which has no `field-sizing`, setting
/// the attribute left the box at its smallest height with the text scrolling inside it.
fn fit_height(element: &web_sys::HtmlTextAreaElement) {
    let style = web_sys::HtmlElement::style(element);
    let _ = style.set_property("height", "auto");
    let height = element.scroll_height() + 2;
    let _ = style.set_property("height", &format!("{height}px"));
}

/// Puts `text` in the textarea, leaving the caret where it was (as far as the new text reaches),
/// so a change arriving from elsewhere doesn't throw the trainee to the end of the box.
fn replace_keeping_caret(element: &web_sys::HtmlTextAreaElement, text: &str) {
    let focused = document()
        .active_element()
        .is_some_and(|active| active == ***element);
    let selection = (
        element.selection_start().ok().flatten(),
        element.selection_end().ok().flatten(),
    );
    element.set_value(text);
    if let (true, (Some(start), Some(end))) = (focused, selection) {
        let length = text.encode_utf16().count() as u32;
        let _ = element.set_selection_range(start.min(length), end.min(length));
    }
}

/// A section of the draft to write in.
///
/// The textarea is filled once when it appears and then belongs to the trainee: typing only
/// writes to the draft. It reloads from the draft only after a change made elsewhere (the
/// outline tools, another tab, a conflict choice, a restore, a merge), so a keystroke never
/// pushes the whole text back into the page.
#[component]
pub fn SectionEditor(
    /// The open draft.
    state: DraftState,
    /// Which section this is.
    id: SectionId,
    /// The recovery-language checker for this draft.
    check: LanguageCheck,
    /// Where outline changes that remove this section are announced (it will be gone).
    announce: WriteSignal<String>,
) -> impl IntoView {
    let textarea = NodeRef::<Textarea>::new();
    let title = Memo::new(move |_| {
        state
            .draft
            .with(|d| d.section(id).map(|s| s.title.clone()).unwrap_or_default())
    });
    let (initial_text, prompts) = state.draft.with_untracked(|d| {
        d.section(id)
            .map(|s| (s.text.clone(), s.prompts.clone()))
            .unwrap_or_default()
    });
    let words = move || TargetProgress::new(state.section_words(id), None).label();

    let text_id = format!("section-{}-text", id.0);
    let heading_id = format!("section-{}-heading", id.0);
    let labelled_by = heading_id.clone();
    let label_for = text_id.clone();
    let prompts_id = format!("section-{}-prompts", id.0);
    let count_id = format!("section-{}-count", id.0);
    let findings_id = format!("section-{}-findings", id.0);
    let described_by = if prompts.is_empty() {
        format!("{count_id} {findings_id}")
    } else {
        format!("{prompts_id} {count_id} {findings_id}")
    };

    let text = section_text(state, id);
    let findings = check.section_findings(text);
    let pieces = section_pieces(text, findings);
    let backdrop = NodeRef::<Div>::new();
    // Only on scrolling (not on every keystroke): reading the scroll position would make the
    // browser lay the page out in the middle of handling the key.
    let follow_scroll = move |_| {
        if let (Some(text), Some(marks)) = (textarea.get_untracked(), backdrop.get_untracked()) {
            marks.set_scroll_top(text.scroll_top());
        }
    };

    let grows = grows_natively();
    // Reload the text only after a change that did not come from this textarea: one made here
    // by the outline tools or a restore of a version, or one from outside this tab.
    Effect::new(move |_| {
        state.reloads();
        let Some(element) = textarea.get() else {
            return;
        };
        let text = state
            .draft
            .with_untracked(|d| d.section_text(id).map(str::to_owned));
        if let Some(text) = text {
            if element.value() != text {
                replace_keeping_caret(&element, &text);
            }
        }
        if !grows {
            fit_height(&element);
        }
    });

    // Take focus when asked (after adding, removing or merging sections).
    Effect::new(move |_| {
        if state.focus_request.get() == Some(id) {
            if let Some(element) = textarea.get() {
                let _ = element.focus();
                state.focus_request.set(None);
            }
        }
    });

    let prompt_list = (!prompts.is_empty()).then(|| {
        view! {
            <div class="prompts" id=prompts_id>
                <p class="prompts-intro">"Some questions to get you started:"</p>
                <ul>
                    {prompts.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </div>
        }
    });

    view! {
        <section class="draft-section" aria-labelledby=labelled_by>
            <h2 class="section-title" id=heading_id>
                <label for=label_for>{title}</label>
            </h2>
            {prompt_list}
            <div class="lc-field">
                <HighlightBackdrop pieces backdrop/>
                <textarea
                    id=text_id
                    class="section-text"
                    rows="6"
                    spellcheck="true"
                    aria-describedby=described_by
                    node_ref=textarea
                    prop:value=initial_text
                    on:scroll=follow_scroll
                    on:input=move |ev| {
                        state.type_text(id, event_target_value(&ev));
                        if !grows {
                            if let Some(element) = textarea.get_untracked() {
                                fit_height(&element);
                            }
                        }
                    }
                ></textarea>
            </div>
            <p class="section-count" id=count_id>{words}</p>
            <FindingsList state id findings textarea summary_id=findings_id/>
            <crate::app::pages::writing::journal_picker::JournalPicker state id textarea/>
            <SectionTools state id title announce/>
        </section>
    }
}
