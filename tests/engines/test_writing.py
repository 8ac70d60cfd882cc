"""Writing in each engine: typed words and a 20,000-word paste survive a reload, the Word export
arrives and reads back in an independent reader, and the language checker marks a phrase in place
(its marks wrap exactly as the text box does, which is where engines differ most)."""

import json
import subprocess
import sys
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import ESSAY, App

READ_DOCX = Path(__file__).resolve().parents[1] / "tools" / "read_docx.py"
PARAGRAPHS = [
    "When I first heard the word recovery, I did not think it had anything to do with me.",
    "Over time, small things helped: a walk each morning, a friend who listened, a group where people understood.",
    "Now I want to offer other people the kind of hope that was offered to me.",
]


def introduction(app: App):
    return app.textbox("Introduction")


def test_typed_words_survive_a_reload(browser):
    browser.start_essay()
    text = "\n\n".join(PARAGRAPHS)
    browser.type(introduction(browser), text)
    browser.text("52 words")
    browser.text("52 of 1,500 words")

    browser.reload()
    assert browser.value(introduction(browser)) == text

    # More words, typed at the end, count and survive another reload too.
    box = introduction(browser)
    box.send_keys(Keys.CONTROL, Keys.END)
    box.send_keys(" Thank you.")
    browser.text("54 words")
    browser.reload()
    assert browser.value(introduction(browser)) == f"{text} Thank you."


# Sets a text box's value and says so as typing or pasting does (an input event): WebDriver's
# typing cannot send characters beyond the keyboard's, such as an emoji, in every engine.
PUT_TEXT = """
arguments[0].value = arguments[1];
arguments[0].dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
"""


def test_words_beyond_ascii_survive_a_reload(browser):
    # Stored text is read back through the engine's own TextEncoder (src/storage/local_storage.rs).
    browser.start_essay()
    text = "Iechyd da, Siân. Zażółć gęślą jaźń. Ελπίδα. 希望. 👩🏽‍⚕️ “Hope”, and — a dash."
    browser.driver.execute_script(PUT_TEXT, introduction(browser), text)
    browser.text("14 words")
    browser.reload()
    assert browser.value(introduction(browser)) == text


# The text box's own height and the height of the text in it.
BOX_AND_TEXT = "return [arguments[0].clientHeight, arguments[0].scrollHeight]"


def test_the_text_box_grows_with_the_words(browser):
    # Where the engine has CSS field-sizing it grows by itself; elsewhere (WebKit) the app fits
    # its height to the text. Either way the whole text shows, with nothing scrolling inside it.
    browser.start_essay()
    box = introduction(browser)
    empty, _ = browser.driver.execute_script(BOX_AND_TEXT, box)
    browser.type(box, "\n\n".join(PARAGRAPHS * 4))
    height, text = browser.driver.execute_script(BOX_AND_TEXT, box)
    assert height > empty, f"the box stayed {height} px tall"
    assert height >= text - 2, f"{text} px of text in a {height} px box"

    browser.reload()
    height, text = browser.driver.execute_script(BOX_AND_TEXT, introduction(browser))
    assert height > empty and height >= text - 2, f"after a reload: {text} px of text in {height} px"


def twenty_thousand_words():
    paragraphs = []
    for p in range(200):
        paragraphs.append(" ".join(f"word{p * 100 + w}" for w in range(100)))
    return "\n\n".join(paragraphs)


# Puts `arguments[0]` on the clipboard from inside the next click (a user gesture, which the
# Clipboard API asks for), as a trainee would have copied it from another app.
COPY_ON_NEXT_CLICK = """
const text = arguments[0];
window.__copied = null;
document.addEventListener("click", () => {
  navigator.clipboard.writeText(text).then(
    () => (window.__copied = "copied"),
    (error) => (window.__copied = `refused: ${error}`),
  );
}, { once: true, capture: true });
"""


def test_a_pasted_20000_words_survive_a_reload(browser):
    browser.start_essay()
    text = twenty_thousand_words()
    browser.driver.execute_script(COPY_ON_NEXT_CLICK, text)
    box = introduction(browser)
    browser.tap(box)
    copied = browser.wait_for(
        lambda d: d.execute_script("return window.__copied"), "the clipboard to take the text"
    )
    assert copied == "copied"
    box.send_keys(Keys.CONTROL, "v")  # a real paste, from the clipboard
    browser.text("20,000 words")
    browser.text("20,000 of 1,500 words")
    # Still answering keys.
    box.send_keys(" onwards")
    browser.text("20,001 words")

    browser.reload()
    kept = browser.value(introduction(browser))
    assert len(kept) == len(text) + len(" onwards")
    assert kept == text + " onwards"
    browser.text("20,001 words")


def test_the_word_download_arrives_and_reads_back(browser):
    browser.start_essay()
    first = "Hope came back slowly, like spring."
    second = "Trust & connection — “not” <compliance>; 10% of it was luck."
    browser.type(introduction(browser), f"{first}\n\n{second}")
    browser.textbox("My recovery story").send_keys("Turning points came in small steps.")
    browser.tap(browser.button("Download Word document (.docx)"))

    docx = browser.downloaded(".docx")
    assert docx.name.startswith("reflective-essay-my-recovery-story-")
    out = subprocess.run(
        [sys.executable, str(READ_DOCX), str(docx)], check=True, capture_output=True
    )
    [read] = json.loads(out.stdout)
    assert read["zip_ok"] is True
    assert read["headings"][:3] == [
        {"level": 1, "text": ESSAY},
        {"level": 2, "text": "Introduction"},
        {"level": 2, "text": "My recovery story"},
    ]
    texts = [p["text"] for p in read["paragraphs"]]
    assert first in texts
    assert second in texts
    assert "Turning points came in small steps." in texts
    browser.find(
        f"//*[@role='status'][contains(., 'Your Word document {docx.name}')]",
        "the message that the document was saved",
    )


def marks(browser):
    """The words the checker has marked in the Introduction section."""
    found = browser.driver.find_elements(
        By.XPATH, "//section[.//label[normalize-space(.)='Introduction']]//*[contains(@class, 'lc-backdrop')]//mark"
    )
    return [m.text for m in found]


def test_the_language_checker_marks_a_flagged_phrase(browser):
    browser.start_essay()
    introduction(browser).send_keys("The team called him non-compliant.")
    browser.wait_for(lambda _: marks(browser) == ["non-compliant"], "“non-compliant” to be marked")
    browser.text("1 phrase you might put differently:")

    # In a long text that wraps over many lines, the marks layer wraps exactly as the text box
    # does, so each mark sits on its word: both are the same height, in this engine's layout.
    long = " ".join(f"Sentence {i} wraps over several lines on a narrow screen, kindly." for i in range(12))
    box = introduction(browser)
    box.send_keys(Keys.CONTROL, Keys.END)
    browser.type(box, f"\n\n{long}\nIn the end he was non-compliant")
    browser.wait_for(
        lambda _: marks(browser) == ["non-compliant", "non-compliant"], "both phrases to be marked"
    )
    backdrop, textarea = browser.driver.execute_script(
        """
        const section = arguments[0].closest("section");
        return [section.querySelector(".lc-backdrop").scrollHeight, arguments[0].scrollHeight];
        """,
        introduction(browser),
    )
    assert abs(backdrop - textarea) <= 2, f"marks layer {backdrop} px, text box {textarea} px"
