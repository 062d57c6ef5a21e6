<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionTexts</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="+73"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go back to the previous place</source>
        <translation>Go back to the previous place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go forward again</source>
        <translation>Go forward again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add pane</source>
        <translation>&amp;Add pane</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open another document pane beside the others</source>
        <translation>Open another document pane beside the others</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close pane</source>
        <translation>&amp;Close pane</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the current pane</source>
        <translation>Close the current pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Swap panes</source>
        <translation>&amp;Swap panes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swap the current pane with the next one</source>
        <translation>Swap the current pane with the next one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next pa&amp;ne</source>
        <translation>Next pa&amp;ne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the keyboard focus to the next pane</source>
        <translation>Move the keyboard focus to the next pane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Linked scrolling</source>
        <translation>&amp;Linked scrolling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the other panes on the passage that corresponds</source>
        <translation>Keep the other panes on the passage that corresponds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smaller text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal size</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset the text size</source>
        <translation>Reset the text size</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reading width…</source>
        <translation>&amp;Reading width…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum line length, page margins and line spacing</source>
        <translation>Maximum line length, page margins and line spacing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Font…</source>
        <translation>&amp;Font…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the reading font</source>
        <translation>Choose the reading font</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to paragraph…</source>
        <translation>&amp;Go to paragraph…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to a paragraph, e.g. 17(a)</source>
        <translation>Jump to a paragraph, e.g. 17(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in document…</source>
        <translation>&amp;Find in document…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find text in the current pane</source>
        <translation>Find text in the current pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents…</source>
        <translation>&amp;Search all documents…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search every document</source>
        <translation>Search every document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next search &amp;result</source>
        <translation>Next search &amp;result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the next search result</source>
        <translation>Open the next search result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous search r&amp;esult</source>
        <translation>Previous search r&amp;esult</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the previous search result</source>
        <translation>Open the previous search result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;linked passage</source>
        <translation>Next &amp;linked passage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the next linked passage</source>
        <translation>Show the next linked passage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous linked &amp;passage</source>
        <translation>Previous linked &amp;passage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous linked passage</source>
        <translation>Show the previous linked passage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy with &amp;citation</source>
        <translation>Copy with &amp;citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection with its citation</source>
        <translation>Copy the selection with its citation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ull-screen reading</source>
        <translation>F&amp;ull-screen reading</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide everything but the documents</source>
        <translation>Hide everything but the documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import document…</source>
        <translation>&amp;Import document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a .txt or .md document to the library</source>
        <translation>Add a .txt or .md document to the library</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last change to your highlights, notes or bookmarks</source>
        <translation>Undo the last change to your highlights, notes or bookmarks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo what was undone</source>
        <translation>Redo what was undone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight with &amp;note…</source>
        <translation>Highlight with &amp;note…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight the selection and write a note and tags</source>
        <translation>Highlight the selection and write a note and tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;bookmark…</source>
        <translation>Add &amp;bookmark…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bookmark the paragraph you are reading</source>
        <translation>Bookmark the paragraph you are reading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour &amp;meanings…</source>
        <translation>Colour &amp;meanings…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name what each highlight colour means</source>
        <translation>Name what each highlight colour means</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name…</source>
        <translation>Your &amp;name…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name shown as the author of your annotations and exports</source>
        <translation>The name shown as the author of your annotations and exports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export annotations…</source>
        <translation>&amp;Export annotations…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save highlighted excerpts with their citations</source>
        <translation>Save highlighted excerpts with their citations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a&amp;nnotations…</source>
        <translation>Import a&amp;nnotations…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge a colleague&apos;s annotations (W3C JSON-LD)</source>
        <translation>Merge a colleague&apos;s annotations (W3C JSON-LD)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Caret browsing</source>
        <translation>&amp;Caret browsing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a text cursor with the keys to select text (Shift+arrows)</source>
        <translation>Move a text cursor with the keys to select text (Shift+arrows)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full-&amp;width punctuation</source>
        <translation>Full-&amp;width punctuation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show ，；：（） in Chinese text (the text itself is not changed)</source>
        <translation>Show ，；：（） in Chinese text (the text itself is not changed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every shortcut of the window</source>
        <translation>Every shortcut of the window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Compact Reader</source>
        <translation>Close Compact Reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Compact Reader</source>
        <translation>&amp;About Compact Reader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version and sources</source>
        <translation>Version and sources</translation>
    </message>
</context>
<context>
    <name>AnnotationFilters</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="+127"/>
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All colours</source>
        <translation>All colours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All objectives</source>
        <translation>All objectives</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective %1</source>
        <translation>Objective %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All authors</source>
        <translation>All authors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown author</source>
        <translation>Unknown author</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Filter by text, note, tag or citation</source>
        <translation>Filter by text, note, tag or citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by text</source>
        <translation>Filter by text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by document</source>
        <translation>Filter by document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by colour</source>
        <translation>Filter by colour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by tag</source>
        <translation>Filter by tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by objective</source>
        <translation>Filter by objective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by author</source>
        <translation>Filter by author</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location line="+108"/>
        <source>Could not be placed</source>
        <translation>Could not be placed</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>The passages of these highlights were not found in the current text of their document. They are kept: review, edit, export or delete them.</source>
        <translation>The passages of these highlights were not found in the current text of their document. They are kept: review, edit, export or delete them.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n highlight(s) in this document</source>
        <translation>
            <numerusform>%n highlight in this document</numerusform>
            <numerusform>%n highlights in this document</numerusform>
        </translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location line="+232"/>
        <source>Placing the highlights in the texts…</source>
        <translation>Placing the highlights in the texts…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No highlights yet. Select text in a document and press Alt+1 … Alt+5 (or use the Highlight toolbar) to highlight it.</source>
        <translation>No highlights yet. Select text in a document and press Alt+1 … Alt+5 (or use the Highlight toolbar) to highlight it.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 highlights match the filters</source>
        <translation>%1 of %2 highlights match the filters</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Go to passage</source>
        <translation>&amp;Go to passage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit note…</source>
        <translation>&amp;Edit note…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change c&amp;olour</source>
        <translation>Change c&amp;olour</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy &amp;link</source>
        <translation>Copy &amp;link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlights and notes</source>
        <translation>Highlights and notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the note, tags and colour (F2)</source>
        <translation>Edit the note, tags and colour (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected highlights (Del)</source>
        <translation>Delete the selected highlights (Del)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the highlights shown, with their citations</source>
        <translation>Export the highlights shown, with their citations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a colleague&apos;s annotations (W3C JSON-LD)</source>
        <translation>Import a colleague&apos;s annotations (W3C JSON-LD)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours…</source>
        <translation>Colours…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name what each colour means</source>
        <translation>Name what each colour means</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../reader/ui/annotating.py" line="+506"/>
        <source>Your annotations file had a problem. Nothing was deleted:</source>
        <translation>Your annotations file had a problem. Nothing was deleted:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your annotations file:</source>
        <translation>Your annotations file:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Highlights to review:</source>
        <translation>Highlights to review:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n highlight(s) could not be placed in the current text of their document; they are listed under “Could not be placed” in the Annotations panel.</source>
        <translation>
            <numerusform>%n highlight could not be placed in the current text of its document; it is listed under “Could not be placed” in the Annotations panel.</numerusform>
            <numerusform>%n highlights could not be placed in the current text of their document; they are listed under “Could not be placed” in the Annotations panel.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Highlight the selection: %1</source>
        <translation>Highlight the selection: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Highlight</source>
        <translation>&amp;Highlight</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit note…</source>
        <translation>&amp;Edit note…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change c&amp;olour</source>
        <translation>Change c&amp;olour</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove highlight</source>
        <translation>&amp;Remove highlight</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;bookmark…</source>
        <translation>Add &amp;bookmark…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Annotations not saved</source>
        <translation>Annotations not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your latest annotations could not be saved:
%1

Quit anyway and lose them?</source>
        <translation>Your latest annotations could not be saved:
%1

Quit anyway and lose them?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the text to highlight first.</source>
        <translation>Select the text to highlight first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This selection cannot be highlighted.</source>
        <translation>This selection cannot be highlighted.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+55"/>
        <source>Change colour</source>
        <translation>Change colour</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Highlight</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>Delete highlight</numerusform>
            <numerusform>Delete %n highlights</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add bookmark</source>
        <translation>Add bookmark</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit bookmark</source>
        <translation>Edit bookmark</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Delete bookmark</numerusform>
            <numerusform>Delete %n bookmarks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name colours</source>
        <translation>Name colours</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import annotations</source>
        <translation>Import annotations</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Annotations saved.</source>
        <translation>Annotations saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>While saving your annotations:</source>
        <translation>While saving your annotations:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Your latest annotations could not be saved. They are kept while the reader is open and saving is tried again:</source>
        <translation>Your latest annotations could not be saved. They are kept while the reader is open and saving is tried again:</translation>
    </message>
</context>
<context>
    <name>AuthorTexts</name>
    <message>
        <location filename="../../reader/ui/dialogs/author.py" line="+17"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name, shown as the author of your highlights, notes, bookmarks and exports
(leave it empty to use your account&apos;s name):</source>
        <translation>Your name, shown as the author of your highlights, notes, bookmarks and exports
(leave it empty to use your account&apos;s name):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name could not be saved: %1</source>
        <translation>Your name could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark.py" line="+38"/>
        <source>Add bookmark</source>
        <translation>Add bookmark</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit bookmark</source>
        <translation>Edit bookmark</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bookmark name</source>
        <translation>Bookmark name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (top level); “a/b” for a subfolder</source>
        <translation>None (top level); “a/b” for a subfolder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/bookmarks_panel.py" line="+181"/>
        <source>(paragraph not found)</source>
        <translation>(paragraph not found)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading.</source>
        <translation>No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Go to paragraph</source>
        <translation>&amp;Go to paragraph</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename or move…</source>
        <translation>&amp;Rename or move…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;link</source>
        <translation>Copy &amp;link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bookmarks</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookmarks by folder</source>
        <translation>Bookmarks by folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bookmark the paragraph you are reading (Ctrl+D)</source>
        <translation>Bookmark the paragraph you are reading (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the bookmark or move it to a folder (F2)</source>
        <translation>Rename the bookmark or move it to a folder (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected bookmarks (Del)</source>
        <translation>Delete the selected bookmarks (Del)</translation>
    </message>
</context>
<context>
    <name>ChangesDock</name>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+250"/>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All changes</source>
        <translation>All changes</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>All objectives</source>
        <translation>All objectives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective %1 (%2 changed)</source>
        <translation>Objective %1 (%2 changed)</translation>
    </message>
</context>
<context>
    <name>ColorNamesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/colors.py" line="+25"/>
        <source>Colour meanings</source>
        <translation>Colour meanings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What does each highlight colour mean to you? Leave a line empty for the built-in meaning.</source>
        <translation>What does each highlight colour mean to you? Leave a line empty for the built-in meaning.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Meaning of %1</source>
        <translation>Meaning of %1</translation>
    </message>
</context>
<context>
    <name>ColorTexts</name>
    <message>
        <location filename="../../reader/ui/colors.py" line="+24"/>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>Purple</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>agreed language</source>
        <translation>agreed language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>red line</source>
        <translation>red line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key commitment</source>
        <translation>key commitment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question</source>
        <translation>question</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+355"/>
        <source>Compare drafts</source>
        <translation>Compare drafts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Older draft:</source>
        <translation>Older draft:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer draft:</source>
        <translation>Newer draft:</translation>
    </message>
</context>
<context>
    <name>CompareHooks</name>
    <message>
        <location line="+85"/>
        <source>The revision link was not changed:</source>
        <translation>The revision link was not changed:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>《%1》 is a bundled document: only imported documents can be marked as revisions</source>
        <translation>《%1》 is a bundled document: only imported documents can be marked as revisions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an imported document of the library</source>
        <translation>%1 is not an imported document of the library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>《%1》 cannot be a revision of itself</source>
        <translation>《%1》 cannot be a revision of itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%2 is not in the library</source>
        <translation>%2 is not in the library</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>《%1》 cannot be a revision of 《%2》: 《%2》 is already a revision of 《%1》</source>
        <translation>《%1》 cannot be a revision of 《%2》: 《%2》 is already a revision of 《%1》</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save %3 (%4); nothing changed</source>
        <translation>Cannot save %3 (%4); nothing changed</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A newer draft exists: compare with 《%1》</source>
        <translation>A newer draft exists: compare with 《%1》</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Compare drafts…</source>
        <translation>&amp;Compare drafts…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare two drafts and carry your annotations to the newer one</source>
        <translation>Compare two drafts and carry your annotations to the newer one</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location line="-739"/>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inserted</source>
        <translation>inserted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved</source>
        <translation>moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split</source>
        <translation>split</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged</source>
        <translation>merged</translation>
    </message>
    <message>
        <location line="+391"/>
        <source>Comparing…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare: %1 → %2</source>
        <translation>Compare: %1 → %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The comparison failed: %1</source>
        <translation>The comparison failed: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+20"/>
        <source>Carry annotations</source>
        <translation>Carry annotations</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Nothing to carry: every annotation of the old draft is already on the new one, or it has none.</source>
        <translation>Nothing to carry: every annotation of the old draft is already on the new one, or it has none.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy %1 annotations and bookmarks onto the new draft?

Unchanged: %2
Words edited (tagged to re-read): %3
Could not be placed (listed in the annotations panel): %4</source>
        <translation>Copy %1 annotations and bookmarks onto the new draft?

Unchanged: %2
Words edited (tagged to re-read): %3
Could not be placed (listed in the annotations panel): %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Carry annotations to %1</source>
        <translation>Carry annotations to %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>Export redline</source>
        <translation>Export redline</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Word document (*.docx);;Web page (*.html)</source>
        <translation>Word document (*.docx);;Web page (*.html)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare drafts</source>
        <translation>Compare drafts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older draft</source>
        <translation>Older draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer draft</source>
        <translation>Newer draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redline</source>
        <translation>Redline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore width (，/,)</source>
        <translation>Ignore width (，/,)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous change</source>
        <translation>Previous change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next change</source>
        <translation>Next change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry annotations…</source>
        <translation>Carry annotations…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the old draft&apos;s highlights, notes and bookmarks onto the new draft</source>
        <translation>Copy the old draft&apos;s highlights, notes and bookmarks onto the new draft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export redline…</source>
        <translation>Export redline…</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../reader/ui/document_pane.py" line="+955"/>
        <source>Document text</source>
        <translation>Document text</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Note %1</source>
        <translation>Note %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Copy with citation</source>
        <translation>Copy with citation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to paragraph…</source>
        <translation>Go to paragraph…</translation>
    </message>
</context>
<context>
    <name>DocumentRenderer</name>
    <message>
        <location filename="../../reader/ui/rendering.py" line="+332"/>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not in the library</source>
        <translation>%1 is not in the library</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/export.py" line="+71"/>
        <location line="+156"/>
        <source>Export annotations</source>
        <translation>Export annotations</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page, ready to print (.html)</source>
        <translation>Web page, ready to print (.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document (.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet, UTF-8 (.csv)</source>
        <translation>Spreadsheet, UTF-8 (.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W3C Web Annotation JSON-LD (.jsonld)</source>
        <translation>W3C Web Annotation JSON-LD (.jsonld)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By document, in reading order</source>
        <translation>By document, in reading order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By objective, each excerpt once</source>
        <translation>By objective, each excerpt once</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By section of each document</source>
        <translation>By section of each document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading order</source>
        <translation>Reading order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date made</source>
        <translation>Date made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Order:</source>
        <translation>&amp;Order:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So&amp;rt:</source>
        <translation>So&amp;rt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;lters:</source>
        <translation>Fi&amp;lters:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview of the export</source>
        <translation>Preview of the export</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A Word document cannot be shown here; this is its text, as Markdown.</source>
        <translation>A Word document cannot be shown here; this is its text, as Markdown.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n excerpt(s) will be exported</source>
        <translation>
            <numerusform>%n excerpt will be exported</numerusform>
            <numerusform>%n excerpts will be exported</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(The preview stops here; the file has everything.)</source>
        <translation>(The preview stops here; the file has everything.)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>annotations</source>
        <translation>annotations</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Saved %n excerpt(s) to %1</source>
        <translation>
            <numerusform>Saved %n excerpt to %1</numerusform>
            <numerusform>Saved %n excerpts to %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export could not be saved: %1</source>
        <translation>The export could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../reader/ui/pane_bars.py" line="+240"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Find in this document</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Next match</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>Close find bar</translation>
    </message>
</context>
<context>
    <name>GoToDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/goto.py" line="+59"/>
        <source>Go to paragraph</source>
        <translation>Go to paragraph</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paragraph in 《%1》, e.g. 17(a), 42 or 目标13:</source>
        <translation>Paragraph in 《%1》, e.g. 17(a), 42 or 目标13:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paragraph</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>No paragraph “%1” in this document.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/import_annotations.py" line="+42"/>
        <location line="+37"/>
        <source>Import annotations</source>
        <translation>Import annotations</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the import would change</source>
        <translation>What the import would change</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>W3C Web Annotations or an annotations file (*.jsonld *.json);;All files (*)</source>
        <translation>W3C Web Annotations or an annotations file (*.jsonld *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file cannot be imported: %1</source>
        <translation>This file cannot be imported: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n placed on a passage that has changed</source>
        <translation>
            <numerusform>%n placed on a passage that has changed</numerusform>
            <numerusform>%n placed on passages that have changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n not found in the current text</source>
        <translation>
            <numerusform>%n not found in the current text</numerusform>
            <numerusform>%n not found in the current text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n colour meaning(s)</source>
        <translation>
            <numerusform>%n colour meaning</numerusform>
            <numerusform>%n colour meanings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this file: %1.</source>
        <translation>In this file: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Unknown author</source>
        <translation>Unknown author</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By: %1</source>
        <translation>By: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to import: you already have everything in it.</source>
        <translation>Nothing to import: you already have everything in it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New:</source>
        <translation>New:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated:</source>
        <translation>Updated:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not found in the current text (listed under “Could not be placed” for you to review):</source>
        <translation>Not found in the current text (listed under “Could not be placed” for you to review):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skipped:</source>
        <translation>Skipped:</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../reader/ui/import_flow.py" line="+75"/>
        <source>Importing %n document(s)…</source>
        <translation>
            <numerusform>Importing %n document…</numerusform>
            <numerusform>Importing %n documents…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>%n document imported</numerusform>
            <numerusform>%n documents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n skipped as already in the library</source>
        <translation>
            <numerusform>, %n skipped as already in the library</numerusform>
            <numerusform>, %n skipped as already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some files could not be imported:</source>
        <translation>Some files could not be imported:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported; what was repaired:</source>
        <translation>Imported; what was repaired:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: already in the library</source>
        <translation>%1: already in the library</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n page break(s) re-joined</source>
        <translation>
            <numerusform>%n page break re-joined</numerusform>
            <numerusform>%n page breaks re-joined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n header/footer line(s) removed</source>
        <translation>
            <numerusform>%n header/footer line removed</numerusform>
            <numerusform>%n header/footer lines removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n footnote(s)</source>
        <translation>
            <numerusform>%n footnote</numerusform>
            <numerusform>%n footnotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <location filename="../../reader/ui/index_status.py" line="+75"/>
        <source>The search index could not be built: %1</source>
        <translation>The search index could not be built: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preparing search…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search ready</source>
        <translation>Search ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search unavailable (index error)</source>
        <translation>Search unavailable (index error)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search not installed</source>
        <translation>Search not installed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search index progress</source>
        <translation>Search index progress</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="+72"/>
        <source>Bundled documents</source>
        <translation>Bundled documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported documents</source>
        <translation>Imported documents</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>draft %1</source>
        <translation>draft %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in a new pane</source>
        <translation>Open in a new pane</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove from library</source>
        <translation>Remove from library</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark as a revision of…</source>
        <translation>Mark as a revision of…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a revision</source>
        <translation>Not a revision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundled documents cannot be marked as revisions</source>
        <translation>Bundled documents cannot be marked as revisions</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mark as a revision</source>
        <translation>Mark as a revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>《%1》 is a revision of:</source>
        <translation>《%1》 is a revision of:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents in the library</source>
        <translation>Documents in the library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import document…</source>
        <translation>Import document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a document</source>
        <translation>Import a document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare_menu.py" line="+40"/>
        <source>Compare with the newest draft</source>
        <translation>Compare with the newest draft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare with the previous draft</source>
        <translation>Compare with the previous draft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with…</source>
        <translation>Compare with…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="+532"/>
        <source>At most four panes can be open.</source>
        <translation>At most four panes can be open.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+80"/>
        <source>Cannot open %1 %2</source>
        <translation>Cannot open %1 %2</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This highlight could not be placed in the current text; its quote is kept in the Annotations panel.</source>
        <translation>This highlight could not be placed in the current text; its quote is kept in the Annotations panel.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n annotation(s) imported</source>
        <translation>
            <numerusform>%n annotation imported</numerusform>
            <numerusform>%n annotations imported</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>No paragraph “%1” in this document.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading font</source>
        <translation>Reading font</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Compact Reader</source>
        <translation>Compact Reader</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight toolbar</source>
        <translation>Highlight toolbar</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Some things could not be loaded; the rest works:</source>
        <translation>Some things could not be loaded; the rest works:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a document</source>
        <translation>Import a document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents (*.pdf *.docx *.txt *.md)</source>
        <translation>Documents (*.pdf *.docx *.txt *.md)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Highlight</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>About Compact Reader</source>
        <translation>About Compact Reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compact Reader %1
The UN texts on the Global Compact for Migration, side by side.</source>
        <translation>Compact Reader %1
The UN texts on the Global Compact for Migration, side by side.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+54"/>
        <location filename="../../reader/app.py" line="+279"/>
        <source>Unknown document: %1</source>
        <translation>Unknown document: %1</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="+2"/>
        <source>This link names no document: %1</source>
        <translation>This link names no document: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no passage %2; opened it at the top</source>
        <translation>%1 has no passage %2; opened it at the top</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="-878"/>
        <source>Dismiss message</source>
        <translation>Dismiss message</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/note.py" line="+75"/>
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your note on this passage</source>
        <translation>Your note on this passage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separated by commas, e.g. 数据, 核实</source>
        <translation>Separated by commas, e.g. 数据, 核实</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Colour:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../reader/ui/notices.py" line="+41"/>
        <source>The search index did not exist yet; built it</source>
        <translation>The search index did not exist yet; built it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index was left half-written by an interrupted process; rebuilt it</source>
        <translation>The search index was left half-written by an interrupted process; rebuilt it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search index was made by another version of Compact Reader; rebuilt it</source>
        <translation>The search index was made by another version of Compact Reader; rebuilt it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search index was corrupt; rebuilt it</source>
        <translation>The search index was corrupt; rebuilt it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search index updated: %1 documents added, %2 changed, %3 removed</source>
        <translation>Search index updated: %1 documents added, %2 changed, %3 removed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search index rebuilt: %1 passages in %2 documents</source>
        <translation>Search index rebuilt: %1 passages in %2 documents</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n entries of %1 could not be read by this version; they are kept unchanged in the file.</source>
        <translation>
            <numerusform>%n entry of %1 could not be read by this version; it is kept unchanged in the file.</numerusform>
            <numerusform>%n entries of %1 could not be read by this version; they are kept unchanged in the file.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not read %1: %2.</source>
        <translation>Could not read %1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read: %2. It was not changed: it is kept as %3.</source>
        <translation>%1 cannot be read: %2. It was not changed: it is kept as %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was written by a newer version of Compact Reader (file format %2; this version reads up to %3). It was not changed: it is kept as %4; open it with the newer version.</source>
        <translation>%1 was written by a newer version of Compact Reader (file format %2; this version reads up to %3). It was not changed: it is kept as %4; open it with the newer version.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was missing; loaded the newest good backup, %2.</source>
        <translation>%1 was missing; loaded the newest good backup, %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was missing; loaded the newest good backup, %2 (saved %3).</source>
        <translation>%1 was missing; loaded the newest good backup, %2 (saved %3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be used; loaded the newest good backup, %2.</source>
        <translation>%1 could not be used; loaded the newest good backup, %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be used; loaded the newest good backup, %2 (saved %3).</source>
        <translation>%1 could not be used; loaded the newest good backup, %2 (saved %3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No readable annotations file or backup was found, so the annotations start empty. Nothing was deleted.</source>
        <translation>No readable annotations file or backup was found, so the annotations start empty. Nothing was deleted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was upgraded from file format %2 to %3; the original is kept as %4.</source>
        <translation>%1 was upgraded from file format %2 to %3; the original is kept as %4.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not update the backup of %1: %2.</source>
        <translation>Could not update the backup of %1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is in use by another Compact Reader that did not finish saving within %2 s; try again.</source>
        <translation>%1 is in use by another Compact Reader that did not finish saving within %2 s; try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open %1 for the annotations: %2.</source>
        <translation>Cannot open %1 for the annotations: %2.</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeDock</name>
    <message>
        <location filename="../../reader/ui/objective_tree.py" line="+314"/>
        <source>Objective %1</source>
        <translation>Objective %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commitment: paragraph %1 · %2 actions</source>
        <translation>Commitment: paragraph %1 · %2 actions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No passages of other documents treat it.</source>
        <translation>No passages of other documents treat it.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (related)</source>
        <translation>%1 (related)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Columns: objective, then per document: linking passages + related passages</source>
        <translation>Columns: objective, then per document: linking passages + related passages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best passages per document</source>
        <translation>Best passages per document</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives of the Global Compact</source>
        <translation>Objectives of the Global Compact</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeModel</name>
    <message>
        <location line="-312"/>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>《%1》: passages linking each objective + passages related to it by topic</source>
        <translation>《%1》: passages linking each objective + passages related to it by topic</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Commitment: %1</source>
        <translation>Commitment: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Objective %1</source>
        <translation>Objective %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 passages changed in the comparison shown</source>
        <translation>%1 passages changed in the comparison shown</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>《%1》: %2 passages link this objective, %3 more are related to it by topic</source>
        <translation>《%1》: %2 passages link this objective, %3 more are related to it by topic</translation>
    </message>
</context>
<context>
    <name>ObjectivesFlow</name>
    <message>
        <location filename="../../reader/ui/objectives_flow.py" line="+68"/>
        <source>Objective %1</source>
        <translation>Objective %1</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="+127"/>
        <source>Outline</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline of the current document</source>
        <translation>Outline of the current document</translation>
    </message>
</context>
<context>
    <name>PaneHeader</name>
    <message>
        <location filename="../../reader/ui/pane_bars.py" line="-160"/>
        <source>Document shown in this pane</source>
        <translation>Document shown in this pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the document shown in this pane</source>
        <translation>Choose the document shown in this pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap with the next pane</source>
        <translation>Swap with the next pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap panes</source>
        <translation>Swap panes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this pane</source>
        <translation>Close this pane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close pane</source>
        <translation>Close pane</translation>
    </message>
</context>
<context>
    <name>PassageBar</name>
    <message>
        <location line="+56"/>
        <source>%1 (related)</source>
        <translation>%1 (related)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Previous linked passage</source>
        <translation>Previous linked passage</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Next linked passage</source>
        <translation>Next linked passage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked passages</source>
        <translation>Linked passages</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Hide linked passages</source>
        <translation>Hide linked passages</translation>
    </message>
</context>
<context>
    <name>ReadingWidthDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/reading_width.py" line="+19"/>
        <source>Reading width</source>
        <translation>Reading width</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlimited</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>%1 characters</source>
        <translation>%1 characters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum line length:</source>
        <translation>Maximum line length:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page margins:</source>
        <translation>Page margins:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line spacing:</source>
        <translation>Line spacing:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="+344"/>
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All objectives</source>
        <translation>All objectives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective %1</source>
        <translation>Objective %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 results in %2 documents</source>
        <translation>%1 results in %2 documents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No results for “%1”</source>
        <translation>No results for “%1”</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n passage(s) hold only some of the words</source>
        <translation>
            <numerusform>%n passage holds only some of the words</numerusform>
            <numerusform>%n passages hold only some of the words</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show more (%1 not shown)</source>
        <translation>Show more (%1 not shown)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The search index is busy; searching again when it is ready.</source>
        <translation>The search index is busy; searching again when it is ready.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot search: %1</source>
        <translation>Cannot search: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search is not available in this installation.</source>
        <translation>Search is not available in this installation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing the search index… results will appear when it is ready.</source>
        <translation>Preparing the search index… results will appear when it is ready.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index could not be built; see the status bar.</source>
        <translation>The search index could not be built; see the status bar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type words to search all documents.</source>
        <translation>Type words to search all documents.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search all documents, e.g. 汇款 or 拘留 儿童</source>
        <translation>Search all documents, e.g. 汇款 or 拘留 儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query</source>
        <translation>Search query</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit to document</source>
        <translation>Limit to document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit to objective</source>
        <translation>Limit to objective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show more results</source>
        <translation>Show more results</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <location line="-363"/>
        <source>%n result(s) in this document</source>
        <translation>
            <numerusform>%n result in this document</numerusform>
            <numerusform>%n results in this document</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Passages with some of the words</source>
        <translation>Passages with some of the words</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n passage(s) holding only some of the query&apos;s words; they are not counted among the results</source>
        <translation>
            <numerusform>%n passage holding only some of the query&apos;s words; it is not counted among the results</numerusform>
            <numerusform>%n passages holding only some of the query&apos;s words; they are not counted among the results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="+52"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
</TS>
