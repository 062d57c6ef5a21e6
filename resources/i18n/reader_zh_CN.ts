<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionTexts</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="+55"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the previous place</source>
        <translation>返回上一个位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add pane</source>
        <translation>添加窗格(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another document pane beside the others</source>
        <translation>在旁边再打开一个文件窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close pane</source>
        <translation>关闭窗格(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the current pane</source>
        <translation>关闭当前窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Swap panes</source>
        <translation>交换窗格(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap the current pane with the next one</source>
        <translation>将当前窗格与下一个窗格交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next pa&amp;ne</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the keyboard focus to the next pane</source>
        <translation>将键盘焦点移到下一个窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Linked scrolling</source>
        <translation>联动滚动(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the other panes on the passage that corresponds</source>
        <translation>让其他窗格停在相对应的段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the text size</source>
        <translation>恢复默认文字大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the reading font</source>
        <translation>选择阅读字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to paragraph…</source>
        <translation>转到段落(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to a paragraph, e.g. 17(a)</source>
        <translation>跳转到某一段，例如 17(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in document…</source>
        <translation>在文件中查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find text in the current pane</source>
        <translation>在当前窗格中查找文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents…</source>
        <translation>搜索全部文件(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search every document</source>
        <translation>在所有文件中搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next search &amp;result</source>
        <translation>下一个搜索结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the next search result</source>
        <translation>打开下一个搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous search r&amp;esult</source>
        <translation>上一个搜索结果(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the previous search result</source>
        <translation>打开上一个搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;linked passage</source>
        <translation>下一个关联段落(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the next linked passage</source>
        <translation>显示下一个关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous linked &amp;passage</source>
        <translation>上一个关联段落(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous linked passage</source>
        <translation>显示上一个关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy with &amp;citation</source>
        <translation>连同出处复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection with its citation</source>
        <translation>复制所选文字及其出处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ull-screen reading</source>
        <translation>全屏阅读(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide everything but the documents</source>
        <translation>只显示文件，隐藏其他一切</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import document…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a .txt or .md document to the library</source>
        <translation>将 .txt 或 .md 文件加入文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Compact Reader</source>
        <translation>关闭契约阅读器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Compact Reader</source>
        <translation>关于契约阅读器(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and sources</source>
        <translation>版本与来源</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../reader/ui/document_pane.py" line="+615"/>
        <source>Document text</source>
        <translation>文件正文</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Note %1</source>
        <translation>注 %1</translation>
    </message>
    <message>
        <location line="+52"/>
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
        <location filename="../../reader/ui/rendering.py" line="+283"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not in the library</source>
        <translation>%1 不在文库中</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Table %1</source>
        <translation>表 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../reader/ui/pane_bars.py" line="+223"/>
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
        <location line="+2"/>
        <source>Paragraph in 《%1》, e.g. 17(a), 42 or 目标13:</source>
        <translation>《%1》中的段落，例如 17(a)、42 或 目标13：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>本文件中没有段落“%1”。</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="+66"/>
        <source>Bundled documents</source>
        <translation>随附文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported documents</source>
        <translation>导入的文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in a new pane</source>
        <translation>在新窗格中打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove from library</source>
        <translation>从文库中移除</translation>
    </message>
    <message>
        <location line="+16"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="+323"/>
        <source>At most four panes can be open.</source>
        <translation>最多只能打开四个窗格。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot open %1 %2</source>
        <translation>无法打开 %1 %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>No paragraph “%1” in this document.</source>
        <translation>本文件中没有段落“%1”。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Reading font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Compact Reader</source>
        <translation>契约阅读器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search index progress</source>
        <translation>搜索索引进度</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+14"/>
        <source>Some things could not be loaded; the rest works:</source>
        <translation>部分内容无法载入，其余功能照常可用：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a document</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text documents (*.txt *.md)</source>
        <translation>文本文件 (*.txt *.md)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>About Compact Reader</source>
        <translation>关于契约阅读器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compact Reader %1
The UN texts on the Global Compact for Migration, side by side.</source>
        <translation>契约阅读器 %1
并排阅读联合国关于《移民问题全球契约》的各项文本。</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="+189"/>
        <source>Unknown document: %1</source>
        <translation>未知文件：%1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="-716"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeDock</name>
    <message>
        <location filename="../../reader/ui/objective_tree.py" line="+240"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commitment: paragraph %1 · %2 actions</source>
        <translation>承诺：第%1段 · %2 项行动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>《%1》: %2 linked passages</source>
        <translation>《%1》：%2 个关联段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No passages of other documents name it.</source>
        <translation>其他文件中没有段落提及此目标。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives of the Global Compact</source>
        <translation>《全球契约》的各项目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns: objective, linked passages per document</source>
        <translation>各列：目标，以及各文件中的关联段落数</translation>
    </message>
</context>
<context>
    <name>ObjectiveTreeModel</name>
    <message>
        <location line="-185"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passages of 《%1》 linked to each objective</source>
        <translation>《%1》中与各目标关联的段落数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Commitment: %1</source>
        <translation>承诺：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <source>《%1》: %2 linked passages</source>
        <translation>《%1》：%2 个关联段落</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="+123"/>
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
        <location filename="../../reader/ui/pane_bars.py" line="-155"/>
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
        <location line="+53"/>
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
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="+314"/>
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
        <location line="+45"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 results in %2 documents</source>
        <translation>%1 条结果，分布在 %2 个文件中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No results for “%1”</source>
        <translation>没有找到“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show more (%1 not shown)</source>
        <translation>显示更多（还有 %1 条）</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+38"/>
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
        <location line="-280"/>
        <source>%n result(s) in this document</source>
        <translation>
            <numerusform>本文件中有 %n 条结果</numerusform>
        </translation>
    </message>
</context>
</TS>
