//! Prep progress shown one way everywhere: the words ("3 of 4 tasks · 45 of 60 min") and a bar
//! that screen readers hear as a progress bar with the same words. Never colour alone.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::domain::progress::Progress;

/// Progress as text and a bar.
#[component]
pub fn ProgressMeter(
    /// The progress to show; it updates as items are ticked.
    #[prop(into)]
    progress: Signal<Progress>,
    /// What the bar measures, as its accessible name ("Prep for What is recovery?").
    #[prop(into)]
    name: TextProp,
) -> impl IntoView {
    view! {
        <div class="progress">
            <span class="progress-label">
                {move || {
                    let p = progress.get();
                    if p.is_complete() { format!("{} · all done", p.label()) } else { p.label() }
                }}
            </span>
            <span
                class="progress-bar"
                role="progressbar"
                aria-label=move || name.get()
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || progress.get().percent()
                aria-valuetext=move || progress.get().label()
            >
                <span
                    class="progress-fill"
                    style:width=move || format!("{}%", progress.get().percent())
                ></span>
            </span>
        </div>
    }
}
