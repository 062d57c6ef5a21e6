<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionTexts</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="+73"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go back to the previous place</source>
        <translation>返回上一个位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add pane</source>
        <translation>添加窗格(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open another document pane beside the others</source>
        <translation>在旁边再打开一个文件窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close pane</source>
        <translation>关闭窗格(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the current pane</source>
        <translation>关闭当前窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Swap panes</source>
        <translation>交换窗格(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swap the current pane with the next one</source>
        <translation>将当前窗格与下一个窗格交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next pa&amp;ne</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the keyboard focus to the next pane</source>
        <translation>将键盘焦点移到下一个窗格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Linked scrolling</source>
        <translation>联动滚动(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the other panes on the passage that corresponds</source>
        <translation>让其他窗格停在相对应的段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset the text size</source>
        <translation>恢复默认文字大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reading width…</source>
        <translation>阅读宽度(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum line length, page margins and line spacing</source>
        <translation>每行最多字数、页边距和行距</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the reading font</source>
        <translation>选择阅读字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to paragraph…</source>
        <translation>转到段落(&amp;G)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to a paragraph, e.g. 17(a)</source>
        <translation>跳转到某一段，例如 17(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in document…</source>
        <translation>在文件中查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find text in the current pane</source>
        <translation>在当前窗格中查找文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents…</source>
        <translation>搜索全部文件(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search every document</source>
        <translation>在所有文件中搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next search &amp;result</source>
        <translation>下一个搜索结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the next search result</source>
        <translation>打开下一个搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous search r&amp;esult</source>
        <translation>上一个搜索结果(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the previous search result</source>
        <translation>打开上一个搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;linked passage</source>
        <translation>下一个关联段落(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the next linked passage</source>
        <translation>显示下一个关联段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous linked &amp;passage</source>
        <translation>上一个关联段落(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous linked passage</source>
        <translation>显示上一个关联段落</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy with &amp;citation</source>
        <translation>连同出处复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection with its citation</source>
        <translation>复制所选文字及其出处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ull-screen reading</source>
        <translation>全屏阅读(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide everything but the documents</source>
        <translation>只显示文件，隐藏其他一切</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import document…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a .txt or .md document to the library</source>
        <translation>将 .txt 或 .md 文件加入文库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last change to your highlights, notes or bookmarks</source>
        <translation>撤销对高亮、笔记或书签的上一次更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo what was undone</source>
        <translation>重做刚才撤销的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight with &amp;note…</source>
        <translation>高亮并写笔记(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight the selection and write a note and tags</source>
        <translation>高亮所选文字，并写笔记、加标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;bookmark…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bookmark the paragraph you are reading</source>
        <translation>为正在阅读的段落添加书签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour &amp;meanings…</source>
        <translation>颜色含义(&amp;M)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name what each highlight colour means</source>
        <translation>为每种高亮颜色命名其含义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name…</source>
        <translation>您的姓名(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name shown as the author of your annotations and exports</source>
        <translation>作为您的批注和导出文件作者显示的姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save highlighted excerpts with their citations</source>
        <translation>保存高亮摘录及其出处</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a&amp;nnotations…</source>
        <translation>导入批注(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge a colleague&apos;s annotations (W3C JSON-LD)</source>
        <translation>合并同事的批注（W3C JSON-LD）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Caret browsing</source>
        <translation>光标浏览(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a text cursor with the keys to select text (Shift+arrows)</source>
        <translation>用按键移动文字光标以选择文字（Shift+方向键）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full-&amp;width punctuation</source>
        <translation>全角标点(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show ，；：（） in Chinese text (the text itself is not changed)</source>
        <translation>在中文里显示为，；：（）（文本本身不改变）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every shortcut of the window</source>
        <translation>窗口的全部快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Compact Reader</source>
        <translation>关闭契约阅读器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Compact Reader</source>
        <translation>关于契约阅读器(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version and sources</source>
        <translation>版本与来源</translation>
    </message>
</context>
<context>
    <name>AnnotationFilters</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="+127"/>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All objectives</source>
        <translation>全部目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All authors</source>
        <translation>所有作者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown author</source>
        <translation>作者不详</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Filter by text, note, tag or citation</source>
        <translation>按文字、笔记、标签或出处筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by text</source>
        <translation>按文字筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by document</source>
        <translation>按文件筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by colour</source>
        <translation>按颜色筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by objective</source>
        <translation>按目标筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by author</source>
        <translation>按作者筛选</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location line="+108"/>
        <source>Could not be placed</source>
        <translation>无法定位</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>The passages of these highlights were not found in the current text of their document. They are kept: review, edit, export or delete them.</source>
        <translation>在文件的当前文本中找不到这些高亮所在的段落。它们仍被保留：请检查、编辑、导出或删除。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n highlight(s) in this document</source>
        <translation>
            <numerusform>本文件中有 %n 处高亮</numerusform>
        </translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Note: %1</source>
        <translation>笔记：%1</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location line="+232"/>
        <source>Placing the highlights in the texts…</source>
        <translation>正在将高亮定位到文本中…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No highlights yet. Select text in a document and press Alt+1 … Alt+5 (or use the Highlight toolbar) to highlight it.</source>
        <translation>还没有高亮。在文件中选中文字，按 Alt+1 … Alt+5（或使用工具栏上的颜色按钮）即可高亮。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n 处高亮</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 highlights match the filters</source>
        <translation>%2 处高亮中有 %1 处符合筛选条件</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Go to passage</source>
        <translation>转到段落(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit note…</source>
        <translation>编辑笔记(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change c&amp;olour</source>
        <translation>更改颜色(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlights and notes</source>
        <translation>高亮与笔记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the note, tags and colour (F2)</source>
        <translation>编辑笔记、标签和颜色（F2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected highlights (Del)</source>
        <translation>删除所选高亮（Del）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the highlights shown, with their citations</source>
        <translation>导出所显示的高亮及其出处</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a colleague&apos;s annotations (W3C JSON-LD)</source>
        <translation>导入同事的批注（W3C JSON-LD）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name what each colour means</source>
        <translation>为每种颜色命名其含义</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../reader/ui/annotating.py" line="+506"/>
        <source>Your annotations file had a problem. Nothing was deleted:</source>
        <translation>批注文件出现问题，但没有删除任何内容：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your annotations file:</source>
        <translation>批注文件：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Highlights to review:</source>
        <translation>需要检查的高亮：</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n highlight(s) could not be placed in the current text of their document; they are listed under “Could not be placed” in the Annotations panel.</source>
        <translation>
            <numerusform>有 %n 处高亮无法在文件的当前文本中定位；它们列在“批注”面板的“无法定位”之下。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Highlight the selection: %1</source>
        <translation>高亮所选文字：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit note…</source>
        <translation>编辑笔记(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change c&amp;olour</source>
        <translation>更改颜色(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove highlight</source>
        <translation>删除高亮(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;bookmark…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Annotations not saved</source>
        <translation>批注未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your latest annotations could not be saved:
%1

Quit anyway and lose them?</source>
        <translation>最近的批注无法保存：
%1

仍要退出并丢失这些批注吗？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the text to highlight first.</source>
        <translation>请先选中要高亮的文字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This selection cannot be highlighted.</source>
        <translation>无法高亮所选内容。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+55"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>删除 %n 处高亮</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit bookmark</source>
        <translation>编辑书签</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>删除 %n 个书签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name colours</source>
        <translation>命名颜色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Annotations saved.</source>
        <translation>批注已保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>While saving your annotations:</source>
        <translation>保存批注时：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Your latest annotations could not be saved. They are kept while the reader is open and saving is tried again:</source>
        <translation>最近的批注无法保存。阅读器打开期间会保留这些批注，并再次尝试保存：</translation>
    </message>
</context>
<context>
    <name>AuthorTexts</name>
    <message>
        <location filename="../../reader/ui/dialogs/author.py" line="+17"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name, shown as the author of your highlights, notes, bookmarks and exports
(leave it empty to use your account&apos;s name):</source>
        <translation>您的姓名，作为您的标注、笔记、书签和导出文件的作者显示
（留空则使用您的账户名）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name could not be saved: %1</source>
        <translation>无法保存您的姓名：%1</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/bookmark.py" line="+38"/>
        <source>Add bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit bookmark</source>
        <translation>编辑书签</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bookmark name</source>
        <translation>书签名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (top level); “a/b” for a subfolder</source>
        <translation>无（顶层）；子文件夹写作“a/b”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/bookmarks_panel.py" line="+181"/>
        <source>(paragraph not found)</source>
        <translation>（找不到该段落）</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n 个书签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading.</source>
        <translation>还没有书签。按 Ctrl+D 可为正在阅读的段落添加书签。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Go to paragraph</source>
        <translation>转到段落(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename or move…</source>
        <translation>重命名或移动(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookmarks by folder</source>
        <translation>按文件夹排列的书签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bookmark the paragraph you are reading (Ctrl+D)</source>
        <translation>为正在阅读的段落添加书签（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the bookmark or move it to a folder (F2)</source>
        <translation>重命名书签或移到其他文件夹（F2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected bookmarks (Del)</source>
        <translation>删除所选书签（Del）</translation>
    </message>
</context>
<context>
    <name>ChangesDock</name>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+250"/>
        <source>Changes</source>
        <translation>变动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All changes</source>
        <translation>全部变动</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>All objectives</source>
        <translation>全部目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective %1 (%2 changed)</source>
        <translation>目标 %1（%2 处变动）</translation>
    </message>
</context>
<context>
    <name>ColorNamesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/colors.py" line="+25"/>
        <source>Colour meanings</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What does each highlight colour mean to you? Leave a line empty for the built-in meaning.</source>
        <translation>每种高亮颜色对您意味着什么？留空则使用内置含义。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Meaning of %1</source>
        <translation>%1的含义</translation>
    </message>
</context>
<context>
    <name>ColorTexts</name>
    <message>
        <location filename="../../reader/ui/colors.py" line="+24"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>agreed language</source>
        <translation>商定措辞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key commitment</source>
        <translation>关键承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question</source>
        <translation>疑问</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+355"/>
        <source>Compare drafts</source>
        <translation>比较草案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Older draft:</source>
        <translation>旧稿：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer draft:</source>
        <translation>新稿：</translation>
    </message>
</context>
<context>
    <name>CompareHooks</name>
    <message>
        <location line="+85"/>
        <source>The revision link was not changed:</source>
        <translation>修订稿关系未更改：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>《%1》 is a bundled document: only imported documents can be marked as revisions</source>
        <translation>《%1》是随附文件：只有导入的文件才能标记为修订稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an imported document of the library</source>
        <translation>%1 不是文库中导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>《%1》 cannot be a revision of itself</source>
        <translation>《%1》不能是其自身的修订稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%2 is not in the library</source>
        <translation>文库中没有 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>《%1》 cannot be a revision of 《%2》: 《%2》 is already a revision of 《%1》</source>
        <translation>《%1》不能是《%2》的修订稿：《%2》已经是《%1》的修订稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save %3 (%4); nothing changed</source>
        <translation>无法保存 %3（%4）；未作任何更改</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A newer draft exists: compare with 《%1》</source>
        <translation>有更新的草案：与《%1》比较</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Compare drafts…</source>
        <translation>比较草案(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare two drafts and carry your annotations to the newer one</source>
        <translation>比较两份草案，并把您的批注带到新稿</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location line="-739"/>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+391"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare: %1 → %2</source>
        <translation>比较：%1 → %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The comparison failed: %1</source>
        <translation>比较失败：%1</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+20"/>
        <source>Carry annotations</source>
        <translation>带入批注</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Nothing to carry: every annotation of the old draft is already on the new one, or it has none.</source>
        <translation>没有可带入的内容：旧稿的批注都已在新稿上，或旧稿没有批注。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy %1 annotations and bookmarks onto the new draft?

Unchanged: %2
Words edited (tagged to re-read): %3
Could not be placed (listed in the annotations panel): %4</source>
        <translation>将 %1 条批注和书签复制到新稿？

文字未变：%2
文字已改（加标签，请复核）：%3
无法定位（列在批注面板中）：%4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Carry annotations to %1</source>
        <translation>将批注带入%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>Export redline</source>
        <translation>导出修订稿</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Word document (*.docx);;Web page (*.html)</source>
        <translation>Word 文档 (*.docx);;网页 (*.html)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare drafts</source>
        <translation>比较草案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older draft</source>
        <translation>旧稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer draft</source>
        <translation>新稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redline</source>
        <translation>修订视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore width (，/,)</source>
        <translation>忽略全角半角（，/,）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous change</source>
        <translation>上一处变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next change</source>
        <translation>下一处变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry annotations…</source>
        <translation>带入批注…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the old draft&apos;s highlights, notes and bookmarks onto the new draft</source>
        <translation>把旧稿的高亮、笔记和书签复制到新稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export redline…</source>
        <translation>导出修订稿…</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../reader/ui/document_pane.py" line="+955"/>
        <source>Document text</source>
        <translation>文件正文</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Note %1</source>
        <translation>注 %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Copy with citation</source>
        <translation>连同出处复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to paragraph…</source>
        <translation>转到段落…</translation>
    </message>
</context>
<context>
    <name>DocumentRenderer</name>
    <message>
        <location filename="../../reader/ui/rendering.py" line="+332"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not in the library</source>
        <translation>%1 不在文库中</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Table %1</source>
        <translation>表 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/export.py" line="+71"/>
        <location line="+156"/>
        <source>Export annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page, ready to print (.html)</source>
        <translation>网页，可直接打印 (.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet, UTF-8 (.csv)</source>
        <translation>电子表格，UTF-8 (.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W3C Web Annotation JSON-LD (.jsonld)</source>
        <translation>W3C 网络批注 JSON-LD (.jsonld)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By document, in reading order</source>
        <translation>按文件，依阅读顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By objective, each excerpt once</source>
        <translation>按目标（每条摘录只列一次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By section of each document</source>
        <translation>按各文件的章节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>排列方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading order</source>
        <translation>阅读顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date made</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Order:</source>
        <translation>排列(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So&amp;rt:</source>
        <translation>排序(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;lters:</source>
        <translation>筛选(&amp;L)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview of the export</source>
        <translation>导出预览</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A Word document cannot be shown here; this is its text, as Markdown.</source>
        <translation>这里无法显示 Word 文档；以下是其文字内容（Markdown 格式）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n excerpt(s) will be exported</source>
        <translation>
            <numerusform>将导出 %n 条摘录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(The preview stops here; the file has everything.)</source>
        <translation>（预览到此为止；文件中包含全部内容。）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Saved %n excerpt(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条摘录保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export could not be saved: %1</source>
        <translation>无法保存导出文件：%1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../reader/ui/pane_bars.py" line="+240"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Find in this document</source>
        <translation>在本文件中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处匹配（Shift+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>上一处匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>下一处匹配（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>下一处匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
</context>
<context>
    <name>GoToDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/goto.py" line="+59"/>
        <source>Go to paragraph</source>
        <translation>转到段落</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paragraph in 《%1》, e.g. 17(a), 42 or 目标13:</source>
        <translation>《%1》中的段落，例如 17(a)、42 或 目标13：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>本文件中没有段落“%1”。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/import_annotations.py" line="+42"/>
        <location line="+37"/>
        <source>Import annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the import would change</source>
        <translation>导入将带来的更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>W3C Web Annotations or an annotations file (*.jsonld *.json);;All files (*)</source>
        <translation>W3C 网络批注或批注文件 (*.jsonld *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n 条新批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n 条更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already here</source>
        <translation>
            <numerusform>%n 条已有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n placed on a passage that has changed</source>
        <translation>
            <numerusform>%n 条定位到已改动的段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n not found in the current text</source>
        <translation>
            <numerusform>%n 条在当前文本中找不到</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 条已跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>书签 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n colour meaning(s)</source>
        <translation>
            <numerusform>颜色含义 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this file: %1.</source>
        <translation>此文件中：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Unknown author</source>
        <translation>作者不详</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By: %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to import: you already have everything in it.</source>
        <translation>无需导入：文件中的内容您都已经有了。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New:</source>
        <translation>新批注：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated:</source>
        <translation>更新：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not found in the current text (listed under “Could not be placed” for you to review):</source>
        <translation>在当前文本中找不到（列在“无法定位”之下，供您检查）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../reader/ui/import_flow.py" line="+75"/>
        <source>Importing %n document(s)…</source>
        <translation>
            <numerusform>正在导入 %n 个文档…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>已导入 %n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n skipped as already in the library</source>
        <translation>
            <numerusform>，%n 个已在文库中，已跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>，%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some files could not be imported:</source>
        <translation>有些文件无法导入：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported; what was repaired:</source>
        <translation>已导入；修复情况：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: already in the library</source>
        <translation>%1：已在文库中</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n 个段落块</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n page break(s) re-joined</source>
        <translation>
            <numerusform>重新接合 %n 处分页断开</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n header/footer line(s) removed</source>
        <translation>
            <numerusform>删除 %n 行页眉页脚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n footnote(s)</source>
        <translation>
            <numerusform>%n 条脚注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n 个表格</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <location filename="../../reader/ui/index_status.py" line="+75"/>
        <source>The search index could not be built: %1</source>
        <translation>无法建立搜索索引：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search ready</source>
        <translation>搜索已就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search unavailable (index error)</source>
        <translation>搜索不可用（索引错误）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search not installed</source>
        <translation>未安装搜索功能</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search index progress</source>
        <translation>搜索索引进度</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="+72"/>
        <source>Bundled documents</source>
        <translation>随附文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported documents</source>
        <translation>导入的文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>draft %1</source>
        <translation>第 %1 稿</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in a new pane</source>
        <translation>在新窗格中打开</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove from library</source>
        <translation>从文库中移除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark as a revision of…</source>
        <translation>标记为另一文件的修订稿…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a revision</source>
        <translation>不是修订稿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundled documents cannot be marked as revisions</source>
        <translation>随附文件不能标记为修订稿</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mark as a revision</source>
        <translation>标记为修订稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>《%1》 is a revision of:</source>
        <translation>《%1》是以下文件的修订稿：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents in the library</source>
        <translation>文库中的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import document…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a document</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare_menu.py" line="+40"/>
        <source>Compare with the newest draft</source>
        <translation>与最新稿比较</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare with the previous draft</source>
        <translation>与上一稿比较</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with…</source>
        <translation>比较…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="+532"/>
        <source>At most four panes can be open.</source>
        <translation>最多只能打开四个窗格。</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+80"/>
        <source>Cannot open %1 %2</source>
        <translation>无法打开 %1 %2</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This highlight could not be placed in the current text; its quote is kept in the Annotations panel.</source>
        <translation>无法在当前文本中定位这处高亮；其引文仍保留在“批注”面板中。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n annotation(s) imported</source>
        <translation>
            <numerusform>已导入 %n 条批注</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>本文件中没有段落“%1”。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Compact Reader</source>
        <translation>契约阅读器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight toolbar</source>
        <translation>高亮工具栏</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Some things could not be loaded; the rest works:</source>
        <translation>部分内容无法载入，其余功能照常可用：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a document</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents (*.pdf *.docx *.txt *.md)</source>
        <translation>文档 (*.pdf *.docx *.txt *.md)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>About Compact Reader</source>
        <translation>关于契约阅读器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compact Reader %1
The UN texts on the Global Compact for Migration, side by side.</source>
        <translation>契约阅读器 %1
并排阅读联合国关于《移民问题全球契约》的各项文本。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare_view.py" line="+54"/>
        <location filename="../../reader/app.py" line="+279"/>
        <source>Unknown document: %1</source>
        <translation>未知文件：%1</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="+2"/>
        <source>This link names no document: %1</source>
        <translation>此链接未指明文件：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no passage %2; opened it at the top</source>
        <translation>%1 中没有段落 %2；已从开头打开</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="-878"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/note.py" line="+75"/>
        <source>New note</source>
        <translation>新笔记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your note on this passage</source>
        <translation>您对这段文字的笔记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separated by commas, e.g. 数据, 核实</source>
        <translation>用逗号分隔，例如：数据，核实</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>笔记(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../reader/ui/notices.py" line="+41"/>
        <source>The search index did not exist yet; built it</source>
        <translation>搜索索引尚不存在，已建立</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index was left half-written by an interrupted process; rebuilt it</source>
        <translation>搜索索引因进程中断而未写完，已重建</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search index was made by another version of Compact Reader; rebuilt it</source>
        <translation>搜索索引由其他版本的契约阅读器建立，已重建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search index was corrupt; rebuilt it</source>
        <translation>搜索索引已损坏，已重建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search index updated: %1 documents added, %2 changed, %3 removed</source>
        <translation>搜索索引已更新：新增 %1 个文件，修改 %2 个，删除 %3 个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search index rebuilt: %1 passages in %2 documents</source>
        <translation>搜索索引已重建：%2 个文件，共 %1 个段落</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n entries of %1 could not be read by this version; they are kept unchanged in the file.</source>
        <translation>
            <numerusform>%1 中有 %n 个条目无法被本版本读取；它们在文件中保持原样。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read: %2. It was not changed: it is kept as %3.</source>
        <translation>无法读取 %1：%2。该文件未被改动，已保留为 %3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was written by a newer version of Compact Reader (file format %2; this version reads up to %3). It was not changed: it is kept as %4; open it with the newer version.</source>
        <translation>%1 由更新版本的契约阅读器写入（文件格式 %2；本版本最多读取格式 %3）。该文件未被改动，已保留为 %4；请用新版本打开。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was missing; loaded the newest good backup, %2.</source>
        <translation>%1 不存在；已载入最新的完好备份 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was missing; loaded the newest good backup, %2 (saved %3).</source>
        <translation>%1 不存在；已载入最新的完好备份 %2（保存于 %3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be used; loaded the newest good backup, %2.</source>
        <translation>%1 无法使用；已载入最新的完好备份 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be used; loaded the newest good backup, %2 (saved %3).</source>
        <translation>%1 无法使用；已载入最新的完好备份 %2（保存于 %3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No readable annotations file or backup was found, so the annotations start empty. Nothing was deleted.</source>
        <translation>没有找到可读取的批注文件或备份，批注从空白开始。没有删除任何文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was upgraded from file format %2 to %3; the original is kept as %4.</source>
        <translation>%1 已从文件格式 %2 升级到 %3；原文件保留为 %4。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not update the backup of %1: %2.</source>
        <translation>无法更新 %1 的备份：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is in use by another Compact Reader that did not finish saving within %2 s; try again.</source>
        <translation>%1 正被另一个契约阅读器使用，它在 %2 秒内未完成保存；请重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open %1 for the annotations: %2.</source>
        <translation>无法打开用于保存批注的文件夹 %1：%2。</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeDock</name>
    <message>
        <location filename="../../reader/ui/objective_tree.py" line="+314"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commitment: paragraph %1 · %2 actions</source>
        <translation>承诺：第%1段 · %2 项行动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No passages of other documents treat it.</source>
        <translation>其他文件中没有论及此目标的段落。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (related)</source>
        <translation>%1（相关）</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Columns: objective, then per document: linking passages + related passages</source>
        <translation>各列：目标，以及各文件中的明确链接段落数 + 相关段落数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best passages per document</source>
        <translation>各文件中最相关的段落</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives of the Global Compact</source>
        <translation>《全球契约》的各项目标</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeModel</name>
    <message>
        <location line="-312"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>《%1》: passages linking each objective + passages related to it by topic</source>
        <translation>《%1》：明确链接各目标的段落数 + 按主题找到的相关段落数</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Commitment: %1</source>
        <translation>承诺：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 passages changed in the comparison shown</source>
        <translation>所示比较中 %1 处段落有改动</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>《%1》: %2 passages link this objective, %3 more are related to it by topic</source>
        <translation>《%1》：%2 个段落明确链接此目标，另有 %3 个段落按主题与之相关</translation>
    </message>
</context>
<context>
    <name>ObjectivesFlow</name>
    <message>
        <location filename="../../reader/ui/objectives_flow.py" line="+68"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="+127"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline of the current document</source>
        <translation>当前文件的大纲</translation>
    </message>
</context>
<context>
    <name>PaneHeader</name>
    <message>
        <location filename="../../reader/ui/pane_bars.py" line="-160"/>
        <source>Document shown in this pane</source>
        <translation>本窗格显示的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the document shown in this pane</source>
        <translation>选择本窗格显示的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap with the next pane</source>
        <translation>与下一个窗格交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap panes</source>
        <translation>交换窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this pane</source>
        <translation>关闭本窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close pane</source>
        <translation>关闭窗格</translation>
    </message>
</context>
<context>
    <name>PassageBar</name>
    <message>
        <location line="+56"/>
        <source>%1 (related)</source>
        <translation>%1（相关）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Previous linked passage</source>
        <translation>上一个关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Next linked passage</source>
        <translation>下一个关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked passages</source>
        <translation>关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Hide linked passages</source>
        <translation>隐藏关联段落</translation>
    </message>
</context>
<context>
    <name>ReadingWidthDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/reading_width.py" line="+19"/>
        <source>Reading width</source>
        <translation>阅读宽度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>%1 characters</source>
        <translation>%1 个字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum line length:</source>
        <translation>每行最多：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page margins:</source>
        <translation>页边距：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="+344"/>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All objectives</source>
        <translation>全部目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 results in %2 documents</source>
        <translation>%1 条结果，分布在 %2 个文件中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No results for “%1”</source>
        <translation>没有找到“%1”</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n passage(s) hold only some of the words</source>
        <translation>
            <numerusform>另有 %n 个段落只包含部分词语</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show more (%1 not shown)</source>
        <translation>显示更多（还有 %1 条）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The search index is busy; searching again when it is ready.</source>
        <translation>搜索索引正忙，就绪后将重新搜索。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot search: %1</source>
        <translation>无法搜索：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search is not available in this installation.</source>
        <translation>此安装中没有搜索功能。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing the search index… results will appear when it is ready.</source>
        <translation>正在准备搜索索引…就绪后将显示结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index could not be built; see the status bar.</source>
        <translation>无法建立搜索索引，请看状态栏。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type words to search all documents.</source>
        <translation>输入词语即可搜索所有文件。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search all documents, e.g. 汇款 or 拘留 儿童</source>
        <translation>搜索所有文件，例如：汇款 或 拘留 儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit to document</source>
        <translation>限定文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit to objective</source>
        <translation>限定目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show more results</source>
        <translation>显示更多结果</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <location line="-363"/>
        <source>%n result(s) in this document</source>
        <translation>
            <numerusform>本文件中有 %n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Passages with some of the words</source>
        <translation>部分词语匹配的段落</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n passage(s) holding only some of the query&apos;s words; they are not counted among the results</source>
        <translation>
            <numerusform>%n 个段落只包含查询中的部分词语，不计入结果数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="+52"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
</TS>
