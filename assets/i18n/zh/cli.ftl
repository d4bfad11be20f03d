# What the commands say to a person (not JSON): confirmations, lists, summaries.

## hotseat run、resume 和选择场景后的开始
cli-needs-terminal = 面试需要在终端里进行；脚本里请用 `hotseat list` 或 `hotseat check`
cli-session-live-in = 场次 { $id } 正在 { $holder } 中进行
cli-session-finished = 场次 { $id } 已经结束；用 `hotseat debrief { $id }` 查看复盘
cli-cannot-append = 无法续写 { $path }：{ $error }
cli-cannot-read = 无法读取 { $error }
cli-no-scenario-did-you-mean = 没有 id 为“{ $id }”的场景；你是不是想找“{ $suggestion }”？
cli-no-scenario = 没有 id 为“{ $id }”的场景；`hotseat list` 可以列出全部场景
cli-is-catalogue = { $path } 不是场景：它是陷阱目录（请放到 <数据目录>/traps.ron）
cli-is-answers = { $path } 不是场景：它是试演答案文件（用 `hotseat playtest SCENARIO --answers FILE` 来运行）
cli-has-errors = { $path } 有错误；改正后再试

## hotseat sessions、debrief、export
sessions-none = 还没有任何场次：运行 `hotseat` 开始第一场。
sessions-col-id = ID
sessions-col-status = 状态
sessions-col-time = 用时
sessions-col-traps = 陷阱
sessions-col-verdict = 结论
sessions-col-title = 标题
sessions-modified = [已修改]
sessions-too-large = 超过 { $bytes } 字节：这里不做汇总
sessions-long-answer = 有一个约 { $chars } 字的回答：这里不做汇总
sessions-not-removed = 没有删除：{ $error }
sessions-not-removed-path = { $path }：{ $error }；没有删除
sessions-live-end-first = 场次 { $id } 正在进行（由 { $holder } 录制中）；请先结束它
sessions-cannot-lock = 无法锁定 { $id }：{ $error }
sessions-removed = 已删除 { $id }
sessions-warn-modified = 警告：场次 { $id } 的场景文本与录制时的 sha256 不一致（录制后被改过）；按现在的内容使用
sessions-note-judging = 注意：场次 { $id }：{ $note }
sessions-warn-damaged = 警告：场次 { $id } 已损坏：{ $why }
sessions-annotations = 教练批注
export-cannot-bundle = 无法打包 { $id }
export-bundling-as-is = 警告：按原样打包 { $id }：{ $why }
export-cannot-write-bundle = 无法写入打包目录
export-bundled = 已将 { $id } 打包到 { $dir }
export-cannot-replay = 无法回放
export-wrote-debrief = 复盘已写入 { $path }
export-cannot-write-markdown = 无法写入 Markdown 文件
export-wrote-frames = 已写入 { $n } 帧到 { $path }
export-cannot-write-asciicast = 无法写入 asciicast 文件

## hotseat assess 和 list
assess-cannot-read-stdin = 无法读取标准输入：{ $error }
assess-trap = 陷阱 { $id }：{ $title }
assess-triggered-by = 触发原文：{ $quotes }
assess-no-traps = 没有踩到陷阱。
assess-signals = 信号：共 { $words } 词（拉丁词 { $latin }，汉字 { $cjk }），{ $structured ->
    [yes] 有结构标记
   *[no] 没有结构标记
}

list-col-id = ID
list-col-lang = 语言
list-col-min = 分钟
list-col-nodes = 节点
list-col-title = 标题
list-errors = { $title }  [{ $n } 个错误：{ $first }]
catalogue-and-more = （另有 { $n } 个）

## 读取场次文件
read-empty = { $path }：空文件（什么都没有录下）
read-not-a-session = { $path }：不是 hotseat 场次文件（第 1 行应为“{ $first }”）
read-too-new = { $path }：场次格式 { $found } 比这个版本的 hotseat 能读的（{ $reads }）更新
read-header = { $path }：文件头（第 2 行）已损坏：{ $problem }
read-scenario = { $path }：录下的场景无法加载：{ $problem }
find-none = 还没有任何场次（查找位置：{ $dir }）
find-not-found = 没有场次“{ $id }”；`hotseat sessions` 可以列出全部场次
find-no-data-dir = 没有数据目录：请设置 HOTSEAT_DATA_DIR

## 场次状态（`hotseat sessions` 里的名称）
status-live = 进行中
status-finished = 已完成
status-quit = 中途退出
status-interrupted = 被中断
status-damaged = 已损坏

## 查找场景文件
library-stopped-entries = 在 { $root } 下查看了 { $n } 个条目后停止查找场景；请把 HOTSEAT_SCENARIO_PATH 指向更小的目录
library-stopped-depth = 没有在 { $root } 下超过 { $n } 层的目录里查找场景
library-cannot-read = 无法读取文件：{ $error }
library-cannot-read-help = 请检查文件权限


## The session index (issue 17).
index-unavailable = 会话索引无法使用（{ $error }）；改为直接读取场次文件
sessions-reindexed = 已为 { $n } 个场次建立索引。
