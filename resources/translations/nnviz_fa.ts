<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ActivationView</name>
    <message>
        <source>The layer whose activation function is shown</source>
        <translation>لایه‌ای که تابع فعال‌سازی آن نمایش داده می‌شود</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>لایه:</translation>
    </message>
    <message>
        <source>pre-activation u</source>
        <translation>پیش‌فعال‌سازی u</translation>
    </message>
    <message>
        <source>f(u), f′(u)</source>
        <translation>f(u)، f′(u)</translation>
    </message>
    <message>
        <source>layer {0} · {1}</source>
        <translation>لایهٔ {0} · {1}</translation>
    </message>
    <message>
        <source>this step&apos;s</source>
        <translation>این گام</translation>
    </message>
    <message>
        <source>the training set&apos;s</source>
        <translation>مجموعهٔ آموزشی</translation>
    </message>
    <message>
        <source>no finite pre-activations</source>
        <translation>هیچ پیش‌فعال‌سازی متناهی‌ای نیست</translation>
    </message>
    <message>
        <source>{0}: f′ at most {1}; {2:.0%} of {3} pre-activations sit where f′ &lt; {4:g}% of that</source>
        <translation>{0}: بیشینهٔ f′ برابر {1} است؛ {2:.0%} از {3} پیش‌فعال‌سازی جایی‌اند که f′ کمتر از {4:g}٪ این مقدار است</translation>
    </message>
    <message>
        <source>% of the step&apos;s u per bin</source>
        <translation>درصد uهای گام در هر بازه</translation>
    </message>
    <message>
        <source>u in this step</source>
        <translation>u در این گام</translation>
    </message>
    <message>
        <source>f′ = 0</source>
        <translation>f′ = 0</translation>
    </message>
    <message>
        <source>f′ nearly 0</source>
        <translation>f′ تقریباً ۰</translation>
    </message>
</context>
<context>
    <name>Binding</name>
    <message>
        <source>Layer {0}: {1}</source>
        <translation>لایهٔ {0}: {1}</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>train</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>test</source>
        <translation>آزمون</translation>
    </message>
</context>
<context>
    <name>ClassroomDialog</name>
    <message>
        <source>Classroom setup</source>
        <translation>تنظیمات کلاس</translation>
    </message>
    <message>
        <source>Control or setting</source>
        <translation>کنترل یا تنظیم</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>پنهان</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Step controls: {0}</source>
        <translation>کنترل‌های گام: {0}</translation>
    </message>
    <message>
        <source>Settings: {0}</source>
        <translation>تنظیمات: {0}</translation>
    </message>
    <message>
        <source>Hidden controls disappear from the window; locked settings stay visible but cannot be changed. Save the experiment (File → Save) to hand out the exercise: students who open the file get the same setup.</source>
        <translation>کنترل‌های پنهان از پنجره حذف می‌شوند؛ تنظیمات قفل‌شده دیده می‌شوند اما تغییر نمی‌کنند. برای دادن تمرین، آزمایش را ذخیره کنید (پرونده ← ذخیره): دانشجویانی که پرونده را باز کنند همین تنظیمات را می‌گیرند.</translation>
    </message>
    <message>
        <source>Lock with password…</source>
        <translation>قفل با گذرواژه…</translation>
    </message>
    <message>
        <source>Apply this setup and lock it: changing or clearing it then needs the password</source>
        <translation>این تنظیمات را اعمال و قفل کن: پس از آن، تغییر یا پاک کردنشان به گذرواژه نیاز دارد</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>باز کردن قفل…</translation>
    </message>
    <message>
        <source>Give the password to change the setup again</source>
        <translation>برای تغییر دوبارهٔ تنظیمات، گذرواژه را وارد کنید</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>پاک کردن همه</translation>
    </message>
    <message>
        <source>Lock the classroom setup</source>
        <translation>قفل کردن تنظیمات کلاس</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>همان گذرواژه، دوباره:</translation>
    </message>
    <message>
        <source>The two passwords differ; the setup is not locked.</source>
        <translation>دو گذرواژه یکی نیستند؛ تنظیمات قفل نشد.</translation>
    </message>
    <message>
        <source>Unlock the classroom setup</source>
        <translation>باز کردن قفل تنظیمات کلاس</translation>
    </message>
    <message>
        <source>Locked with a password: students cannot change this setup.</source>
        <translation>با گذرواژه قفل شده است: دانشجویان نمی‌توانند این تنظیمات را تغییر دهند.</translation>
    </message>
    <message>
        <source>Not locked: anyone can change this setup.</source>
        <translation>قفل نیست: هر کسی می‌تواند این تنظیمات را تغییر دهد.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Include the current weights</source>
        <translation>وزن‌های کنونی هم بیاید</translation>
    </message>
    <message>
        <source>Set the network&apos;s current weights in the code, so it starts exactly where nnviz is; off: the framework&apos;s own random initialisation</source>
        <translation>وزن‌های کنونی شبکه را در کد بگذار تا دقیقاً از جایی که nnviz هست شروع کند؛ خاموش: مقداردهی اولیهٔ تصادفی خود چارچوب</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>چارچوب</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>کپی</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>ذخیره…</translation>
    </message>
    <message>
        <source>{0} lines of Python</source>
        <translation>{0} خط Python</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>در کلیپ‌بورد کپی شد</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>ذخیرهٔ کد</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>پرونده‌های Python (*.py)</translation>
    </message>
    <message>
        <source>Could not save the code</source>
        <translation>ذخیرهٔ کد ممکن نشد</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} ذخیره شد</translation>
    </message>
</context>
<context>
    <name>CompareRuns</name>
    <message>
        <source>sigmoid (vanishing)</source>
        <translation>sigmoid (محوشونده)</translation>
    </message>
    <message>
        <source>ReLU + He</source>
        <translation>ReLU + He</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>باقی‌مانده</translation>
    </message>
    <message>
        <source>your experiment</source>
        <translation>آزمایش شما</translation>
    </message>
    <message>
        <source>your experiment, {label}</source>
        <translation>آزمایش شما، {label}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>nnviz — side by side</source>
        <translation>nnviz — کنار هم</translation>
    </message>
    <message>
        <source>‖∇W‖ per layer</source>
        <translation>‖∇W‖ در هر لایه</translation>
    </message>
    <message>
        <source>loss of every run (train solid, test dashed)</source>
        <translation>زیان همهٔ اجراها (آموزش توپر، آزمون خط‌چین)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>چشم‌انداز زیان</translation>
    </message>
    <message>
        <source>Lockstep controls</source>
        <translation>کنترل‌های گام‌به‌گام هم‌زمان</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>بازنشانی</translation>
    </message>
    <message>
        <source>Every run back to step 0 with its initial weights</source>
        <translation>بازگشت همهٔ اجراها به گام ۰ با وزن‌های آغازینشان</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Every run one phase further</source>
        <translation>همهٔ اجراها یک مرحله جلو</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Every run one training step further</source>
        <translation>همهٔ اجراها یک گام آموزشی جلو</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Every run one epoch further</source>
        <translation>همهٔ اجراها یک دوره جلو</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <source>Train every run together; Space pauses</source>
        <translation>آموزش هم‌زمان همهٔ اجراها؛ Space مکث می‌کند</translation>
    </message>
    <message>
        <source>{n} steps/frame</source>
        <translation>{n} گام در هر قاب</translation>
    </message>
    <message>
        <source>1 step/frame</source>
        <translation>۱ گام در هر قاب</translation>
    </message>
    <message>
        <source>Training steps of every run per play frame</source>
        <translation>گام‌های آموزشی هر اجرا در هر قاب پخش</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>پروژکتور</translation>
    </message>
    <message>
        <source>Full screen, high contrast, thick lines and large type; Esc leaves</source>
        <translation>تمام‌صفحه، کنتراست بالا، خطوط ضخیم و حروف درشت؛ Esc برای خروج</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <source>step {n}</source>
        <translation>گام {n}</translation>
    </message>
    <message>
        <source>steps {list}</source>
        <translation>گام‌های {list}</translation>
    </message>
    <message>
        <source>{steps}   phase {phase}</source>
        <translation>{steps}   مرحلهٔ {phase}</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>واگرا</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>زودتر متوقف شد</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>زیان {value}</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Rows: the true class. Columns: the class the network predicts.
Green diagonal cells count correct answers, purple cells mistakes;
the shading is the cell&apos;s share of its row (of that true class).</source>
        <translation>سطرها: ردهٔ واقعی. ستون‌ها: رده‌ای که شبکه پیش‌بینی می‌کند.
خانه‌های سبز قطر پاسخ‌های درست را می‌شمارند و خانه‌های بنفش خطاها را؛
پررنگی هر خانه سهم آن از سطرش (از همان ردهٔ واقعی) است.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>ماتریس درهم‌ریختگی</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>ردهٔ پیش‌بینی‌شده</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>ردهٔ واقعی</translation>
    </message>
    <message>
        <source>Confusion matrix: no test samples</source>
        <translation>ماتریس درهم‌ریختگی: نمونهٔ آزمونی نیست</translation>
    </message>
    <message>
        <source>Confusion matrix: no {split} samples</source>
        <translation>ماتریس درهم‌ریختگی: نمونهٔ {split} نیست</translation>
    </message>
    <message>
        <source>Test accuracy {percent}% ({correct}/{total})</source>
        <translation>دقت آزمون {percent}٪ ({correct}/{total})</translation>
    </message>
    <message>
        <source>{split} accuracy {percent}% ({correct}/{total})</source>
        <translation>دقت {split} {percent}٪ ({correct}/{total})</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Reset</source>
        <translation>بازنشانی</translation>
    </message>
    <message>
        <source>Back step</source>
        <translation>گام قبل</translation>
    </message>
    <message>
        <source>Back phase</source>
        <translation>مرحلهٔ قبل</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>پخش / توقف</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>سرعت</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>پویانمایی</translation>
    </message>
    <message>
        <source>Sample picker</source>
        <translation>انتخاب نمونه</translation>
    </message>
    <message>
        <source>Batch mean</source>
        <translation>میانگین دسته</translation>
    </message>
</context>
<context>
    <name>CsvError</name>
    <message>
        <source>cannot read {path}: no such file</source>
        <translation>خواندن {path} ممکن نیست: چنین پرونده‌ای وجود ندارد</translation>
    </message>
    <message>
        <source>cannot read {path}: it is a folder, not a file</source>
        <translation>خواندن {path} ممکن نیست: این یک پوشه است، نه پرونده</translation>
    </message>
    <message>
        <source>cannot read {path}: permission denied</source>
        <translation>خواندن {path} ممکن نیست: اجازهٔ دسترسی داده نشده است</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>خواندن {path} ممکن نیست: {reason}</translation>
    </message>
    <message>
        <source>row {row}: longer than {size} MB; is this a CSV data file?</source>
        <translation>سطر {row}: بلندتر از {size} مگابایت است؛ آیا این یک پروندهٔ دادهٔ CSV است؟</translation>
    </message>
    <message>
        <source>row {row}: byte {byte} is not UTF-8 text; save the file as UTF-8 CSV</source>
        <translation>سطر {row}: بایت {byte} متن ⁦UTF-8⁩ نیست؛ پرونده را به‌صورت ⁦UTF-8 CSV⁩ ذخیره کنید</translation>
    </message>
    <message>
        <source>row {row}: a quote opened in this row is never closed (cells cannot hold line breaks)</source>
        <translation>سطر {row}: گیومه‌ای که در این سطر باز شده هرگز بسته نمی‌شود (خانه‌ها نمی‌توانند شکست خط داشته باشند)</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>سطر {row}: {problem}</translation>
    </message>
    <message>
        <source>row {row}: a cell is longer than a CSV data cell can be (is a closing quote missing?)</source>
        <translation>سطر {row}: یک خانه بلندتر از اندازه‌ای است که خانهٔ دادهٔ CSV می‌تواند داشته باشد (آیا گیومهٔ بستن جا افتاده است؟)</translation>
    </message>
    <message>
        <source>row {row}: a stray line-break character (carriage return) inside the row</source>
        <translation>سطر {row}: یک نویسهٔ شکست خط (⁦carriage return⁩) بی‌جا درون سطر هست</translation>
    </message>
    <message>
        <source>row {row}: a quoted cell runs on to row {end}; cells cannot hold line breaks (is a closing quote missing?)</source>
        <translation>سطر {row}: یک خانهٔ درون گیومه تا سطر {end} ادامه یافته است؛ خانه‌ها نمی‌توانند شکست خط داشته باشند (آیا گیومهٔ بستن جا افتاده است؟)</translation>
    </message>
    <message>
        <source>the file is empty: it needs a header row and data rows</source>
        <translation>پرونده خالی است: به یک سطر سرستون و سطرهای داده نیاز دارد</translation>
    </message>
    <message>
        <source>row {row}: {count} columns; the limit is {limit}</source>
        <translation>سطر {row}: {count} ستون؛ حد مجاز {limit} است</translation>
    </message>
    <message>
        <source>row {row}, column {index}: the column has no name</source>
        <translation>سطر {row}، ستون {index}: این ستون نام ندارد</translation>
    </message>
    <message>
        <source>row {row}: the column name {column} appears twice (columns {first} and {second})</source>
        <translation>سطر {row}: نام ستون {column} دو بار آمده است (ستون‌های {first} و {second})</translation>
    </message>
    <message>
        <source>row {row}: only one column ({column}); a data file needs at least one input column and a target column</source>
        <translation>سطر {row}: تنها یک ستون ({column}) هست؛ پروندهٔ داده دست‌کم به یک ستون ورودی و یک ستون هدف نیاز دارد</translation>
    </message>
    <message>
        <source>row {row}: more than {limit} data rows; the limit is {limit}</source>
        <translation>سطر {row}: بیش از {limit} سطر داده؛ حد مجاز {limit} است</translation>
    </message>
    <message>
        <source>the file has a header row but no data rows after row {row}</source>
        <translation>پرونده سطر سرستون دارد، اما پس از سطر {row} هیچ سطر داده‌ای ندارد</translation>
    </message>
    <message>
        <source>row {row}, column {column}: missing cell (the row has {cells} cells, the header {columns} columns)</source>
        <translation>سطر {row}، ستون {column}: خانه جا افتاده است (این سطر {cells} خانه دارد و سرستون {columns} ستون)</translation>
    </message>
    <message>
        <source>row {row}: {cells} cells but the header has {columns} columns (an extra cell after column {column})</source>
        <translation>سطر {row}: {cells} خانه دارد، اما سرستون {columns} ستون دارد (یک خانهٔ اضافه پس از ستون {column})</translation>
    </message>
    <message>
        <source>row {row}, column {column}: empty cell</source>
        <translation>سطر {row}، ستون {column}: خانهٔ خالی</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value} is not a number</source>
        <translation>سطر {row}، ستون {column}: {value} عدد نیست</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value} is not a finite number</source>
        <translation>سطر {row}، ستون {column}: {value} عددی متناهی نیست</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value} is beyond ±{limit}, the largest magnitude nnviz accepts</source>
        <translation>سطر {row}، ستون {column}: {value} بیرون از بازهٔ ⁦±{limit}⁩ است، بزرگ‌ترین اندازه‌ای که nnviz می‌پذیرد</translation>
    </message>
    <message>
        <source>no column named {column}; the columns are: {columns}</source>
        <translation>ستونی به نام {column} نیست؛ ستون‌ها: {columns}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value} is not a number, and {count} distinct values are too many to be class labels (at most {limit})</source>
        <translation>سطر {row}، ستون {column}: {value} عدد نیست، و {count} مقدار متمایز برای برچسب رده بودن زیادند (حداکثر {limit})</translation>
    </message>
    <message>
        <source>column {column} has a single class ({label}); classification needs at least two</source>
        <translation>ستون {column} تنها یک رده دارد ({label})؛ دسته‌بندی دست‌کم به دو رده نیاز دارد</translation>
    </message>
    <message>
        <source>column {column} has {count} distinct values; the limit is {limit} classes</source>
        <translation>ستون {column} {count} مقدار متمایز دارد؛ حد مجاز {limit} رده است</translation>
    </message>
    <message>
        <source>column {column} has {count} classes, not the 2 of a binary task</source>
        <translation>ستون {column} {count} رده دارد، نه دو ردهٔ یک مسئلهٔ دودویی</translation>
    </message>
    <message>
        <source>column {column} has 2 classes: that is a binary task, not multiclass</source>
        <translation>ستون {column} دو رده دارد: این یک مسئلهٔ دودویی است، نه چندرده‌ای</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>auto</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>رگرسیون</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>دسته‌بندی</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>وارد کردن پروندهٔ CSV</translation>
    </message>
    <message>
        <source>path of a .csv file</source>
        <translation>مسیر یک پروندهٔ ‎.csv</translation>
    </message>
    <message>
        <source>The CSV file to read: a header row of column names, then one row per sample. Type a path and press Enter, or use Browse.</source>
        <translation>پروندهٔ CSV برای خواندن: یک سطر سرستون با نام ستون‌ها، سپس یک سطر برای هر نمونه. مسیری بنویسید و Enter بزنید، یا از «مرور» استفاده کنید.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Choose a CSV file on disk.</source>
        <translation>یک پروندهٔ CSV روی دیسک انتخاب کنید.</translation>
    </message>
    <message>
        <source>Row numbers as in a spreadsheet (the header is row 1), as the error messages use them; blank lines in the file would shift them.</source>
        <translation>شمارهٔ سطرها مانند صفحه‌گسترده (سرستون سطر ۱ است)، همان‌طور که پیام‌های خطا به کار می‌برند؛ سطرهای خالی پرونده آن‌ها را جابه‌جا می‌کنند.</translation>
    </message>
    <message>
        <source>The first {0} rows of the file as text, before any checks.</source>
        <translation>{0} سطر نخست پرونده به‌صورت متن، پیش از هر بررسی.</translation>
    </message>
    <message>
        <source>The column the network learns to predict; every other column is an input and must hold numbers.</source>
        <translation>ستونی که شبکه پیش‌بینی آن را یاد می‌گیرد؛ هر ستون دیگر یک ورودی است و باید عدد داشته باشد.</translation>
    </message>
    <message>
        <source>auto: a target of at most 20 distinct whole numbers or texts is classification, other numbers regression.
regression: predict a number (MSE loss). classification: predict a class (cross-entropy).</source>
        <translation>خودکار: هدفی با حداکثر ۲۰ عدد صحیح یا متن متمایز دسته‌بندی است و عددهای دیگر رگرسیون.
رگرسیون: پیش‌بینی یک عدد (زیان MSE). دسته‌بندی: پیش‌بینی یک کلاس (آنتروپی متقاطع).</translation>
    </message>
    <message>
        <source>What is wrong with the file or the choices; fix it and press OK again.</source>
        <translation>ایراد پرونده یا انتخاب‌ها؛ آن را درست کنید و دوباره «تأیید» را بزنید.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <source>Read the whole file with these choices and use it as the data set.</source>
        <translation>کل پرونده را با این انتخاب‌ها بخوان و به‌عنوان مجموعه‌داده به کار ببر.</translation>
    </message>
    <message>
        <source>Close without changing the data set.</source>
        <translation>بستن بدون تغییر مجموعه‌داده.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <source>Target column:</source>
        <translation>ستون هدف:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>نوع مسئله:</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>باز کردن پروندهٔ CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>پرونده‌های CSV (*.csv *.txt *.tsv);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Choose a CSV file first.</source>
        <translation>اول یک پروندهٔ CSV انتخاب کنید.</translation>
    </message>
    <message>
        <source>The first {0} data rows:</source>
        <translation>{0} سطر دادهٔ نخست:</translation>
    </message>
    <message>
        <source>The file has no data rows.</source>
        <translation>پرونده هیچ سطر داده‌ای ندارد.</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>circle</source>
        <translation>دایره</translation>
    </message>
    <message>
        <source>A disc of one class inside a ring of the other: needs a curved boundary.</source>
        <translation>قرصی از یک رده درون حلقه‌ای از ردهٔ دیگر: به مرزی خمیده نیاز دارد.</translation>
    </message>
    <message>
        <source>noise: Gaussian jitter of both inputs, std = noise × 3</source>
        <translation>نویز: لرزش گاوسی هر دو ورودی، ⁦std = noise × 3⁩</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Opposite quadrants share a class: no single line separates them.</source>
        <translation>ربع‌های روبه‌رو هم‌رده‌اند: هیچ خط راستی آن‌ها را جدا نمی‌کند.</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>گاوسی</translation>
    </message>
    <message>
        <source>Two round Gaussian clusters: the easy, linearly separable case.</source>
        <translation>دو خوشهٔ گرد گاوسی: حالت آسان و جداپذیر خطی.</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>مارپیچ</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms: hard, needs several layers or sin features.</source>
        <translation>دو بازوی مارپیچ درهم: دشوار، به چند لایه یا ویژگی‌های sin نیاز دارد.</translation>
    </message>
    <message>
        <source>spiral3</source>
        <translation>مارپیچ سه‌رده</translation>
    </message>
    <message>
        <source>Three interleaved spiral arms, one class each: use a softmax output.</source>
        <translation>سه بازوی مارپیچ درهم، هر کدام یک رده: از خروجی softmax استفاده کنید.</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>هلال‌ها</translation>
    </message>
    <message>
        <source>Two interleaving half moons: separable only by a curved boundary.</source>
        <translation>دو نیم‌ماه درهم: فقط با مرزی خمیده جداپذیرند.</translation>
    </message>
    <message>
        <source>blobs3</source>
        <translation>سه خوشه</translation>
    </message>
    <message>
        <source>Three Gaussian clusters, one class each: the simplest softmax example.</source>
        <translation>سه خوشهٔ گاوسی، هر کدام یک رده: ساده‌ترین نمونهٔ softmax.</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>y = (x1 + x2) / 10: a tilted plane a single linear neuron can fit.</source>
        <translation>⁦y = (x1 + x2) / 10⁩: صفحه‌ای کج که یک نورون خطی تنها هم می‌تواند برازشش کند.</translation>
    </message>
    <message>
        <source>noise: Gaussian noise on the target, std = noise × 1</source>
        <translation>نویز: نویز گاوسی روی هدف، ⁦std = noise × 1⁩</translation>
    </message>
    <message>
        <source>multigauss</source>
        <translation>تپه‌های گاوسی</translation>
    </message>
    <message>
        <source>A surface of Gaussian hills and valleys: needs hidden units.</source>
        <translation>سطحی از تپه‌ها و دره‌های گاوسی: به واحدهای پنهان نیاز دارد.</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>سینوس</translation>
    </message>
    <message>
        <source>y = sin(x) on [-6, 6]: a one-input curve to fit.</source>
        <translation>⁦y = sin(x)⁩ روی ⁦[-6, 6]⁩: منحنی تک‌ورودی برای برازش.</translation>
    </message>
    <message>
        <source>housing</source>
        <translation>قیمت خانه</translation>
    </message>
    <message>
        <source>House price (thousands) from size (30 to 250 m²): the classic linear regression.</source>
        <translation>قیمت خانه (هزار) بر حسب متراژ (۳۰ تا ۲۵۰ متر مربع): رگرسیون خطی کلاسیک.</translation>
    </message>
    <message>
        <source>noise: extra Gaussian scatter of the price, std = noise × 100 thousand (on top of the 25 thousand always present)</source>
        <translation>نویز: پراکندگی گاوسی افزوده روی قیمت، ⁦std = noise × 100⁩ هزار (افزون بر ۲۵ هزاری که همیشه هست)</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>ارقام</translation>
    </message>
    <message>
        <source>Handwritten digits as 8×8 images (1797 samples, UCI): 10 classes.</source>
        <translation>ارقام دست‌نویس به شکل تصویرهای ۸×۸ (۱۷۹۷ نمونه، UCI): ۱۰ رده.</translation>
    </message>
    <message>
        <source>iris</source>
        <translation>زنبق</translation>
    </message>
    <message>
        <source>Fisher&apos;s iris flowers: species from 4 measurements (150 samples).</source>
        <translation>گل‌های زنبق فیشر: گونه از روی ۴ اندازه (۱۵۰ نمونه).</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>دودویی</translation>
    </message>
    <message>
        <source>multiclass</source>
        <translation>چندرده‌ای</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>رگرسیون</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>price</source>
        <translation>قیمت</translation>
    </message>
    <message>
        <source>size</source>
        <translation>مساحت</translation>
    </message>
    <message>
        <source>species</source>
        <translation>گونه</translation>
    </message>
</context>
<context>
    <name>DrawPointsBar</name>
    <message>
        <source>Draw points</source>
        <translation>کشیدن نقطه</translation>
    </message>
    <message>
        <source>Draw your own data: left click adds a point of the chosen class, right click removes the nearest point (the network is rebuilt on the new set)</source>
        <translation>دادهٔ خودتان را بکشید: کلیک چپ نقطه‌ای از ردهٔ برگزیده می‌افزاید، کلیک راست نزدیک‌ترین نقطه را برمی‌دارد (شبکه روی مجموعهٔ تازه از نو ساخته می‌شود)</translation>
    </message>
    <message>
        <source>class</source>
        <translation>رده</translation>
    </message>
    <message>
        <source>The class (or target value) of the points you add</source>
        <translation>ردهٔ (یا مقدار هدف) نقطه‌هایی که می‌افزایید</translation>
    </message>
    <message>
        <source>target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>left click adds, right click removes</source>
        <translation>کلیک چپ می‌افزاید، کلیک راست برمی‌دارد</translation>
    </message>
</context>
<context>
    <name>EditHistory</name>
    <message>
        <source>on</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>نرخ یادگیری</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>اندازهٔ دسته</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>بهینه‌ساز</translation>
    </message>
    <message>
        <source>optimizer options</source>
        <translation>گزینه‌های بهینه‌ساز</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>مجموعه‌داده</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>نویز</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>نمونه‌ها</translation>
    </message>
    <message>
        <source>test share</source>
        <translation>سهم آزمون</translation>
    </message>
    <message>
        <source>input features</source>
        <translation>ویژگی‌های ورودی</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>بذر تصادفی</translation>
    </message>
    <message>
        <source>initialization</source>
        <translation>مقداردهی اولیه</translation>
    </message>
    <message>
        <source>initial weight gain</source>
        <translation>ضریب وزن‌های اولیه</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>منظم‌سازی</translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation>نرخ منظم‌سازی</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>بریدن گرادیان</translation>
    </message>
    <message>
        <source>learning-rate schedule</source>
        <translation>برنامهٔ نرخ یادگیری</translation>
    </message>
    <message>
        <source>schedule options</source>
        <translation>گزینه‌های برنامه</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>تابع زیان</translation>
    </message>
    <message>
        <source>output activation</source>
        <translation>فعال‌سازی خروجی</translation>
    </message>
    <message>
        <source>standardize inputs</source>
        <translation>استانداردسازی ورودی‌ها</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>توقف زودهنگام</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>صبر</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>افزایش داده</translation>
    </message>
    <message>
        <source>imported data</source>
        <translation>دادهٔ واردشده</translation>
    </message>
    <message>
        <source>Added a hidden layer</source>
        <translation>یک لایهٔ پنهان افزوده شد</translation>
    </message>
    <message>
        <source>Removed a hidden layer</source>
        <translation>یک لایهٔ پنهان حذف شد</translation>
    </message>
    <message>
        <source>Layer {layer}: {change} neurons</source>
        <translation>لایهٔ {layer}: {change} نورون</translation>
    </message>
    <message>
        <source>Layer {layer}: {what} {change}</source>
        <translation>لایهٔ {layer}: {what} {change}</translation>
    </message>
    <message>
        <source>{name}: {change}</source>
        <translation>{name}: {change}</translation>
    </message>
    <message>
        <source>{what}: {change}</source>
        <translation>{what}: {change}</translation>
    </message>
    <message>
        <source>Layer {layer} changed</source>
        <translation>لایهٔ {layer} تغییر کرد</translation>
    </message>
    <message>
        <source>Hidden layers changed</source>
        <translation>لایه‌های پنهان تغییر کردند</translation>
    </message>
    <message>
        <source>Switched off {neuron}</source>
        <translation>{neuron} خاموش شد</translation>
    </message>
    <message>
        <source>Switched on {neuron}</source>
        <translation>{neuron} روشن شد</translation>
    </message>
    <message>
        <source>Drew a point</source>
        <translation>یک نقطه کشیده شد</translation>
    </message>
    <message>
        <source>Removed a point</source>
        <translation>یک نقطه حذف شد</translation>
    </message>
    <message>
        <source>Changed {what}</source>
        <translation>تغییر {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <source>Put the experiment back exactly as it was before the last edit</source>
        <translation>آزمایش را دقیقاً به حالت پیش از آخرین ویرایش برمی‌گرداند</translation>
    </message>
    <message>
        <source>Make the edit again, back to where Undo was chosen</source>
        <translation>ویرایش را دوباره انجام می‌دهد و به جایی که واگرد زده شد برمی‌گردد</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>تاریخچهٔ ویرایش</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>همان‌طور که باز شد</translation>
    </message>
</context>
<context>
    <name>ExperimentFile</name>
    <message>
        <source>lists and mappings nest more than {limit} levels deep</source>
        <translation>فهرست‌ها و نگاشت‌ها بیش از {limit} سطح تودرتو شده‌اند</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}, got {value}</source>
        <translation>باید عددی صحیح از {low} تا {high} باشد، اما {value} است</translation>
    </message>
    <message>
        <source>must be a mapping, got {kind}</source>
        <translation>باید یک نگاشت (mapping) باشد، اما {kind} است</translation>
    </message>
    <message>
        <source>must be a mapping with {keys}, got {kind}</source>
        <translation>باید نگاشتی (mapping) با {keys} باشد، اما {kind} است</translation>
    </message>
    <message>
        <source>unknown field; allowed: {allowed}</source>
        <translation>فیلد ناشناخته؛ فیلدهای مجاز: {allowed}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>جا افتاده است</translation>
    </message>
    <message>
        <source>missing (stored with {present})</source>
        <translation>جا افتاده است (در حالی که {present} ذخیره شده است)</translation>
    </message>
    <message>
        <source>missing (amsgrad is on)</source>
        <translation>جا افتاده است (amsgrad روشن است)</translation>
    </message>
    <message>
        <source>not a valid stored array: must be a mapping of dtype, shape and base64, got {value}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: باید نگاشتی از dtype، shape و base64 باشد، اما {value} است</translation>
    </message>
    <message>
        <source>not a valid stored array: dtype {dtype} is not one of {dtypes}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: dtype {dtype} یکی از {dtypes} نیست</translation>
    </message>
    <message>
        <source>not a valid stored array: shape must be a list of 1 or 2 sizes, got {shape}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: shape باید فهرستی از ۱ یا ۲ اندازه باشد، اما {shape} است</translation>
    </message>
    <message>
        <source>shape {shape}, but the network needs {needed}</source>
        <translation>شکل آن {shape} است، اما شبکه به شکل {needed} نیاز دارد</translation>
    </message>
    <message>
        <source>not a valid stored array: shape {shape} is more than {limit} numbers</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: شکل {shape} بیش از {limit} عدد است</translation>
    </message>
    <message>
        <source>not a valid stored array: base64 holds {count} characters; shape {shape} of {dtype} needs {need}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: base64 {count} نویسه دارد؛ شکل {shape} از نوع {dtype} به {need} نویسه نیاز دارد</translation>
    </message>
    <message>
        <source>not a valid stored array: base64 holds {kind}; shape {shape} of {dtype} needs {need}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: به جای متن base64، {kind} آمده است؛ شکل {shape} از نوع {dtype} به {need} نویسه نیاز دارد</translation>
    </message>
    <message>
        <source>not a valid stored array: base64 is damaged (not base64 text)</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: base64 آسیب دیده است (متن base64 نیست)</translation>
    </message>
    <message>
        <source>not a valid stored array: base64 holds {count} bytes; shape {shape} needs {need}</source>
        <translation>آرایهٔ ذخیره‌شدهٔ معتبری نیست: base64 {count} بایت دارد؛ شکل {shape} به {need} بایت نیاز دارد</translation>
    </message>
    <message>
        <source>holds NaN or infinite values, but state.diverged is not true</source>
        <translation>مقدار NaN یا بی‌نهایت دارد، اما state.diverged برابر true نیست</translation>
    </message>
    <message>
        <source>must be &apos;PCG64&apos;, got {value}</source>
        <translation>باید &apos;PCG64&apos; باشد، اما {value} است</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>باید true یا false باشد، اما {value} است</translation>
    </message>
    <message>
        <source>{count} indices stored, the training set has {n} samples (was config.n_samples, config.test_ratio or the data changed?)</source>
        <translation>{count} اندیس ذخیره شده است، اما مجموعهٔ آموزشی {n} نمونه دارد (آیا config.n_samples، config.test_ratio یا داده‌ها تغییر کرده‌اند؟)</translation>
    </message>
    <message>
        <source>must hold each training-sample index 0..{last} once</source>
        <translation>باید هر اندیس نمونهٔ آموزشی از ۰ تا {last} را یک بار داشته باشد</translation>
    </message>
    <message>
        <source>{pos} leaves one sample for the next batch, and batch norm needs at least 2</source>
        <translation>{pos} تنها یک نمونه برای دستهٔ بعدی باقی می‌گذارد، و نرمال‌سازی دسته‌ای دست‌کم ۲ نمونه لازم دارد</translation>
    </message>
    <message>
        <source>must be a list of {count} mappings, one per layer</source>
        <translation>باید فهرستی از {count} نگاشت باشد، یکی برای هر لایه</translation>
    </message>
    <message>
        <source>a variance cannot be negative</source>
        <translation>واریانس نمی‌تواند منفی باشد</translation>
    </message>
    <message>
        <source>{name}, but config.optimizer is {expected}</source>
        <translation>{name} است، اما config.optimizer برابر {expected} است</translation>
    </message>
    <message>
        <source>must be a number from 0 up to (not including) 1, got {value}</source>
        <translation>باید عددی از ۰ تا کمتر از ۱ باشد (خود ۱ پذیرفته نیست)، اما {value} است</translation>
    </message>
    <message>
        <source>holds negative values; it is a running sum of squares</source>
        <translation>مقدار منفی دارد، اما این یک مجموع انباشتهٔ مربع‌هاست</translation>
    </message>
    <message>
        <source>{count} steps of metrics stored, but state.step is {step}</source>
        <translation>سنجه‌های {count} گام ذخیره شده است، اما state.step برابر {step} است</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>یک عدد</translation>
    </message>
    <message>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>یک فهرست</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>یک نگاشت</translation>
    </message>
    <message>
        <source>this experiment needs {size} MB, more than the {limit} MB an experiment file may hold; nothing was written (save without the training state to keep the config)</source>
        <translation>این آزمایش {size} مگابایت جا می‌خواهد، بیش از {limit} مگابایتی که یک پروندهٔ آزمایش می‌تواند نگه دارد؛ چیزی نوشته نشد (برای نگه داشتن پیکربندی، بدون وضعیت آموزش ذخیره کنید)</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>پروندهٔ معمولی نیست</translation>
    </message>
    <message>
        <source>file is {size} MB, more than the {limit} MB an experiment file may hold</source>
        <translation>پرونده {size} مگابایت است، بیش از {limit} مگابایتی که یک پروندهٔ آزمایش می‌تواند نگه دارد</translation>
    </message>
    <message>
        <source>file grew beyond the {limit} MB an experiment file may hold while it was read</source>
        <translation>پرونده هنگام خواندن از {limit} مگابایتی که یک پروندهٔ آزمایش می‌تواند نگه دارد بزرگ‌تر شد</translation>
    </message>
    <message>
        <source>no such file ({file})</source>
        <translation>چنین پرونده‌ای وجود ندارد ({file})</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>یک پوشه است، نه پرونده</translation>
    </message>
    <message>
        <source>cannot read it ({error})</source>
        <translation>خواندن آن ممکن نیست ({error})</translation>
    </message>
    <message>
        <source>cannot read it: byte {offset} is not UTF-8 text</source>
        <translation>خواندن آن ممکن نیست: بایت {offset} متن ⁦UTF-8⁩ نیست</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column}: {error})</source>
        <translation>⁦JSON⁩ معتبر نیست (سطر {line}، ستون {column}: {error})</translation>
    </message>
    <message>
        <source>not valid JSON ({error})</source>
        <translation>⁦JSON⁩ معتبر نیست ({error})</translation>
    </message>
    <message>
        <source>not an experiment file: lists or mappings nest hundreds of levels deep</source>
        <translation>پروندهٔ آزمایش نیست: فهرست‌ها یا نگاشت‌ها صدها سطح تودرتو شده‌اند</translation>
    </message>
    <message>
        <source>lists or mappings nest hundreds of levels deep</source>
        <translation>فهرست‌ها یا نگاشت‌ها صدها سطح تودرتو شده‌اند</translation>
    </message>
    <message>
        <source>not an nnviz experiment file</source>
        <translation>پروندهٔ آزمایش ⁦nnviz⁩ نیست</translation>
    </message>
    <message>
        <source>missing or not a whole number</source>
        <translation>جا افتاده است یا عدد صحیح نیست</translation>
    </message>
    <message>
        <source>file version {version} is newer than this nnviz understands ({known}); please update nnviz</source>
        <translation>نسخهٔ پرونده {version} از نسخه‌ای که این ⁦nnviz⁩ می‌فهمد ({known}) تازه‌تر است؛ لطفاً ⁦nnviz⁩ را به‌روز کنید</translation>
    </message>
    <message>
        <source>{version} is not a known version</source>
        <translation>{version} نسخهٔ شناخته‌شده‌ای نیست</translation>
    </message>
    <message>
        <source>must be a mapping or null, got {kind}</source>
        <translation>باید یک نگاشت (mapping) یا ⁦null⁩ باشد، اما {kind} است</translation>
    </message>
    <message>
        <source>cannot be opened ({error})</source>
        <translation>باز کردن آن ممکن نیست ({error})</translation>
    </message>
    <message>
        <source>cannot be opened: {error}</source>
        <translation>باز کردن آن ممکن نیست: {error}</translation>
    </message>
    <message>
        <source>must be a mapping with &apos;phase&apos; and &apos;history&apos; (and &apos;step&apos;)</source>
        <translation>باید نگاشتی (mapping) با ⁦&apos;phase&apos;⁩ و ⁦&apos;history&apos;⁩ (و ⁦&apos;step&apos;⁩) باشد</translation>
    </message>
    <message>
        <source>must be a whole number from -1 (ready) to {last}, got {value}</source>
        <translation>باید عددی صحیح از ⁦-1⁩ (آماده) تا {last} باشد، اما {value} است</translation>
    </message>
    <message>
        <source>a diverged run cannot be resumed in the middle of a step</source>
        <translation>اجرای واگرا را نمی‌توان از میانهٔ یک گام ادامه داد</translation>
    </message>
    <message>
        <source>must be a list of stored states (the update phase needs the state before its step)</source>
        <translation>باید فهرستی از وضعیت‌های ذخیره‌شده باشد (مرحلهٔ به‌روزرسانی به وضعیت پیش از گامش نیاز دارد)</translation>
    </message>
    <message>
        <source>must be {expected}: the snapshots run up to state.step, one per step</source>
        <translation>باید {expected} باشد: نماهای ذخیره‌شده تا ⁦state.step⁩ پیش می‌روند، یکی برای هر گام</translation>
    </message>
    <message>
        <source>must be a mapping with &apos;lr&apos; and &apos;regularization&apos; (and &apos;clip_norm&apos;, &apos;dropout&apos;)</source>
        <translation>باید نگاشتی (mapping) با ⁦&apos;lr&apos;⁩ و ⁦&apos;regularization&apos;⁩ (و ⁦&apos;clip_norm&apos;⁩، ⁦&apos;dropout&apos;⁩) باشد</translation>
    </message>
    <message>
        <source>must be a finite number &gt; 0, got {value}</source>
        <translation>باید عددی متناهی و ⁦&gt; 0⁩ باشد، اما {value} است</translation>
    </message>
    <message>
        <source>must be {{&apos;kind&apos;: none, l1 or l2, &apos;rate&apos;: a number}}</source>
        <translation>باید ⁦{{&apos;kind&apos;: none, l1 or l2, &apos;rate&apos;: a number}}⁩ باشد</translation>
    </message>
    <message>
        <source>must be a finite number &gt;= 0, got {value}</source>
        <translation>باید عددی متناهی و ⁦&gt;= 0⁩ باشد، اما {value} است</translation>
    </message>
    <message>
        <source>must be a list of {count} rates from 0 to below 1, one per hidden layer, got {value}</source>
        <translation>باید فهرستی از {count} نرخ از ⁦0⁩ تا کمتر از ⁦1⁩ باشد، یکی برای هر لایهٔ پنهان، اما {value} است</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export image…</source>
        <translation>&amp;ذخیرهٔ تصویر…</translation>
    </message>
    <message>
        <source>Save the window or one view as PNG (1×, 2×, 4×) or SVG, for slides</source>
        <translation>پنجره یا یک نما را به صورت PNG (۱×، ۲×، ۴×) یا SVG برای اسلاید ذخیره کن</translation>
    </message>
    <message>
        <source>&amp;Copy window image</source>
        <translation>&amp;رونوشت تصویر پنجره</translation>
    </message>
    <message>
        <source>Put a picture of the window on the clipboard</source>
        <translation>تصویری از پنجره را در حافظهٔ موقت بگذار</translation>
    </message>
    <message>
        <source>&amp;Record animation…</source>
        <translation>&amp;ضبط پویانمایی…</translation>
    </message>
    <message>
        <source>Save one step&apos;s forward/backward animation, or a training run, as GIF or MP4</source>
        <translation>پویانمایی گذر رو به جلو و رو به عقب یک گام، یا یک اجرای آموزش را به صورت GIF یا MP4 ذخیره کن</translation>
    </message>
    <message>
        <source>Show &amp;code…</source>
        <translation>نمایش &amp;کد…</translation>
    </message>
    <message>
        <source>The network and its training as PyTorch or Keras code</source>
        <translation>شبکه و آموزش آن به صورت کد PyTorch یا Keras</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>کل پنجره</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>شبکه</translation>
    </message>
    <message>
        <source>Data and output</source>
        <translation>داده و خروجی</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>منحنی‌های زیان</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>نرم گرادیان در هر لایه</translation>
    </message>
    <message>
        <source>This step&apos;s gradients</source>
        <translation>گرادیان‌های این گام</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>چشم‌انداز زیان</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>تابع فعال‌سازی</translation>
    </message>
    <message>
        <source>Neuron graph</source>
        <translation>گراف نورون</translation>
    </message>
    <message>
        <source>Copied a {0}×{1} px picture to the clipboard</source>
        <translation>تصویری {0}×{1} پیکسلی در کلیپ‌بورد کپی شد</translation>
    </message>
    <message>
        <source>Export this view…</source>
        <translation>خروجی گرفتن از این نما…</translation>
    </message>
    <message>
        <source>Copy this view</source>
        <translation>کپی این نما</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export image</source>
        <translation>خروجی تصویر</translation>
    </message>
    <message>
        <source>What to draw: one view, or the whole window</source>
        <translation>چه چیزی کشیده شود: یک نما یا کل پنجره</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>تصویر PNG</translation>
    </message>
    <message>
        <source>SVG drawing (vectors, for slides)</source>
        <translation>نقشهٔ SVG (برداری، برای اسلاید)</translation>
    </message>
    <message>
        <source>PNG: pixels at the chosen scale. SVG: lines and text stay sharp at any size; decision boundaries and heatmaps are embedded as pictures.</source>
        <translation>PNG: پیکسل در مقیاس انتخاب‌شده. SVG: خط‌ها و متن در هر اندازه‌ای تیز می‌مانند؛ مرزهای تصمیم و نقشه‌های حرارتی به‌صورت تصویر در آن جای می‌گیرند.</translation>
    </message>
    <message>
        <source>2× and 4× draw everything again at that resolution (4K projectors, print), not an enlarged screenshot</source>
        <translation>2× و 4× همه‌چیز را دوباره با آن وضوح می‌کشند (ویدئوپروژکتور 4K، چاپ)، نه یک تصویر صفحهٔ بزرگ‌شده</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>پس‌زمینهٔ شفاف</translation>
    </message>
    <message>
        <source>Leave out the views&apos; background, for slides with their own</source>
        <translation>پس‌زمینهٔ نماها را نگذار، برای اسلایدهایی که پس‌زمینهٔ خود را دارند</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>As</source>
        <translation>به‌صورت</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>مقیاس</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>کپی در کلیپ‌بورد</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>ذخیره…</translation>
    </message>
    <message>
        <source>Put the picture (PNG at the chosen scale) on the clipboard</source>
        <translation>تصویر را (PNG در مقیاس انتخاب‌شده) در کلیپ‌بورد بگذار</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>پیکسل</translation>
    </message>
    <message>
        <source>(vector; drawn at this size)</source>
        <translation>(برداری؛ در این اندازه کشیده می‌شود)</translation>
    </message>
    <message>
        <source>PNG pictures</source>
        <translation>تصویرهای PNG</translation>
    </message>
    <message>
        <source>SVG drawings</source>
        <translation>نقشه‌های SVG</translation>
    </message>
    <message>
        <source>Could not export the image</source>
        <translation>خروجی گرفتن از تصویر ممکن نشد</translation>
    </message>
    <message>
        <source>Saved {0} ({1})</source>
        <translation>{0} ذخیره شد ({1})</translation>
    </message>
    <message>
        <source>Copied {0}×{1} px to the clipboard</source>
        <translation>تصویر {0}×{1} پیکسلی در کلیپ‌بورد کپی شد</translation>
    </message>
</context>
<context>
    <name>FeatureSpaceView</name>
    <message>
        <source>Training data as a hidden layer sees it</source>
        <translation>دادهٔ آموزشی آن‌گونه که یک لایهٔ پنهان می‌بیند</translation>
    </message>
    <message>
        <source>The hidden layer whose neurons give the coordinates.</source>
        <translation>لایهٔ پنهانی که نورون‌هایش مختصات را می‌دهند.</translation>
    </message>
    <message>
        <source>The neuron whose output a is the horizontal coordinate.</source>
        <translation>نورونی که خروجی a آن مختص افقی است.</translation>
    </message>
    <message>
        <source>The neuron whose output a is the vertical coordinate.</source>
        <translation>نورونی که خروجی a آن مختص عمودی است.</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Each dot is one training sample, placed at the outputs a of the two chosen neurons and colored by its class (or target value).</source>
        <translation>هر نقطه یک نمونهٔ آموزشی است که در خروجی‌های a دو نورون برگزیده قرار گرفته و با رده (یا مقدار هدف) خود رنگ شده است.</translation>
    </message>
    <message>
        <source>This network has no hidden layer</source>
        <translation>این شبکه لایهٔ پنهان ندارد</translation>
    </message>
    <message>
        <source>a&lt;sub&gt;{j}&lt;/sub&gt; (layer {layer}, neuron {j})</source>
        <translation>a&lt;sub&gt;{j}&lt;/sub&gt; (لایهٔ {layer}، نورون {j})</translation>
    </message>
    <message>
        <source>Training data at layer {layer}&apos;s neurons {j1} and {j2}</source>
        <translation>دادهٔ آموزشی در نورون‌های {j1} و {j2} از لایهٔ {layer}</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>ردهٔ {name}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>The experiment has changes that are not saved. Save them before you quit?</source>
        <translation>آزمایش تغییراتی دارد که ذخیره نشده‌اند. پیش از خروج ذخیره‌شان می‌کنید؟</translation>
    </message>
    <message>
        <source>The experiment has changes that are not saved. Save them before you open the lesson?</source>
        <translation>آزمایش تغییراتی دارد که ذخیره نشده‌اند. پیش از باز کردن درس ذخیره‌شان می‌کنید؟</translation>
    </message>
    <message>
        <source>The experiment has changes that are not saved. Save them before you start a new experiment?</source>
        <translation>آزمایش تغییراتی دارد که ذخیره نشده‌اند. پیش از شروع آزمایشی تازه ذخیره‌شان می‌کنید؟</translation>
    </message>
    <message>
        <source>The experiment has changes that are not saved. Save them before you open another experiment?</source>
        <translation>آزمایش تغییراتی دارد که ذخیره نشده‌اند. پیش از باز کردن آزمایشی دیگر ذخیره‌شان می‌کنید؟</translation>
    </message>
    <message>
        <source>nnviz experiments</source>
        <translation>آزمایش‌های nnviz</translation>
    </message>
    <message>
        <source>PyTorch state_dict</source>
        <translation>state_dict در PyTorch</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>همهٔ پرونده‌ها</translation>
    </message>
    <message>
        <source>The experiment has changes that are not saved. Save them first?</source>
        <translation>آزمایش تغییراتی دارد که ذخیره نشده‌اند. اول ذخیره‌شان می‌کنید؟</translation>
    </message>
    <message>
        <source>Could not load the lesson</source>
        <translation>بارگذاری درس ممکن نشد</translation>
    </message>
    <message>
        <source>Lesson: {0}. {1}</source>
        <translation>درس: {0}. {1}</translation>
    </message>
    <message>
        <source>New experiment: the default settings</source>
        <translation>آزمایش تازه: تنظیمات پیش‌فرض</translation>
    </message>
    <message>
        <source>Could not open the experiment</source>
        <translation>باز کردن آزمایش ممکن نشد</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>این پرونده دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>باز کردن آزمایش</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0} باز شد</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>ذخیرهٔ آزمایش</translation>
    </message>
    <message>
        <source>Could not save the experiment</source>
        <translation>ذخیرهٔ آزمایش ممکن نشد</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} ذخیره شد</translation>
    </message>
    <message>
        <source>Could not use the CSV data</source>
        <translation>استفاده از دادهٔ CSV ممکن نشد</translation>
    </message>
    <message>
        <source>Imported {0}: {1} samples, {2} inputs, {3}</source>
        <translation>{0} وارد شد: {1} نمونه، {2} ورودی، {3}</translation>
    </message>
    <message>
        <source>Could not export the image</source>
        <translation>خروجی گرفتن از تصویر ممکن نشد</translation>
    </message>
    <message>
        <source>Saved a picture of the window to {0}</source>
        <translation>تصویری از پنجره در {0} ذخیره شد</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>پاک کردن فهرست</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>پروندهٔ اخیری نیست</translation>
    </message>
</context>
<context>
    <name>GradDistributionView</name>
    <message>
        <source>|gradient| (log scale)</source>
        <translation>|گرادیان| (مقیاس لگاریتمی)</translation>
    </message>
    <message>
        <source>no gradient</source>
        <translation>بدون گرادیان</translation>
    </message>
    <message>
        <source>{percent}% zero</source>
        <translation>{percent}٪ صفر</translation>
    </message>
</context>
<context>
    <name>GradNormView</name>
    <message>
        <source>layer {number}</source>
        <translation>لایهٔ {number}</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>واگرا</translation>
    </message>
    <message>
        <source>Which gradient quantity the plot shows</source>
        <translation>نمودار کدام کمیت گرادیان را نشان می‌دهد</translation>
    </message>
    <message>
        <source>One line per layer, darkest for layer 1 (the input side), lightest for the last; the same colours as the rows of this step&apos;s gradients.</source>
        <translation>یک خط برای هر لایه: تیره‌ترین برای لایهٔ ۱ (سمت ورودی) و روشن‌ترین برای لایهٔ آخر؛ همان رنگ‌های سطرهای «گرادیان‌های این گام».</translation>
    </message>
    <message>
        <source>show</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>‖∇W‖ (log scale)</source>
        <translation>‖∇W‖ (مقیاس لگاریتمی)</translation>
    </message>
    <message>
        <source>global gradient norm and the clip limit</source>
        <translation>نرم کلی گرادیان و حد بریدن</translation>
    </message>
    <message>
        <source>update-to-weight ratio per layer</source>
        <translation>نسبت به‌روزرسانی به وزن در هر لایه</translation>
    </message>
    <message>
        <source>‖dL/dW‖ per layer</source>
        <translation>‖dL/dW‖ در هر لایه</translation>
    </message>
    <message>
        <source>global ‖∇‖ and clip limit</source>
        <translation>‖∇‖ کلی و حد بریدن</translation>
    </message>
    <message>
        <source>update ÷ weight per layer</source>
        <translation>به‌روزرسانی ÷ وزن در هر لایه</translation>
    </message>
    <message>
        <source>global norm</source>
        <translation>نرم کلی</translation>
    </message>
    <message>
        <source>global ‖∇‖, before clipping (log scale)</source>
        <translation>‖∇‖ کلی، پیش از بریدن (مقیاس لگاریتمی)</translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖ (log scale)</source>
        <translation>‖ΔW‖ / ‖W‖ (مقیاس لگاریتمی)</translation>
    </message>
    <message>
        <source>clip limit {0:g}</source>
        <translation>حد بریدن {0:g}</translation>
    </message>
    <message>
        <source>≈1e-3 rule of thumb</source>
        <translation>قاعدهٔ سرانگشتی ≈1e-3</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>healthy</source>
        <translation>سالم</translation>
    </message>
    <message>
        <source>vanishing</source>
        <translation>محوشونده</translation>
    </message>
    <message>
        <source>exploding</source>
        <translation>انفجاری</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>مرده</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>اشباع‌شده</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>واگرا</translation>
    </message>
    <message>
        <source>exploding: mean |dL/dz| or RMS |dL/dW| &gt; {exploding_ratio:g}x the output layer&apos;s, or RMS |dL/dW| &gt; {exploding_abs:g}, or NaN/infinite</source>
        <translation>انفجاری: میانگین ‎|dL/dz|‎ یا RMS ‎|dL/dW|‎ بیش از {exploding_ratio:g} برابرِ لایهٔ خروجی، یا RMS ‎|dL/dW|‎ بیش از {exploding_abs:g}، یا NaN/بی‌نهایت</translation>
    </message>
    <message>
        <source>dead: &gt;= {dead_share:.0%} of ReLU units never active on the training set (leaky ReLU, PReLU and ELU units never die)</source>
        <translation>مرده: دست‌کم {dead_share:.0%} از واحدهای ReLU روی مجموعهٔ آموزشی هرگز فعال نمی‌شوند (واحدهای leaky ReLU، PReLU و ELU هرگز نمی‌میرند)</translation>
    </message>
    <message>
        <source>vanishing: mean |dL/dz| and RMS |dL/dW| both &lt; {vanishing_ratio:g}x the output layer&apos;s, or RMS |dL/dW| &lt; {vanishing_abs:g}</source>
        <translation>محوشونده: میانگین ‎|dL/dz|‎ و RMS ‎|dL/dW|‎ هر دو کمتر از {vanishing_ratio:g} برابرِ لایهٔ خروجی، یا RMS ‎|dL/dW|‎ کمتر از {vanishing_abs:g}</translation>
    </message>
    <message>
        <source>saturated: &gt;= {saturated_share:.0%} of sigmoid/tanh units beyond {saturation_level:g} on 90% of samples</source>
        <translation>اشباع‌شده: دست‌کم {saturated_share:.0%} از واحدهای sigmoid/tanh در ۹۰٪ نمونه‌ها فراتر از {saturation_level:g}</translation>
    </message>
    <message>
        <source>diverged: a loss, gradient or weight became NaN or infinite</source>
        <translation>واگرا: یک زیان، گرادیان یا وزن NaN یا بی‌نهایت شده است</translation>
    </message>
    <message>
        <source>This layer&apos;s gradients are neither tiny nor huge compared with the output layer&apos;s, and its units are neither dead nor saturated, so it keeps learning.</source>
        <translation>گرادیان‌های این لایه در مقایسه با لایهٔ خروجی نه بسیار کوچک‌اند و نه بسیار بزرگ، و واحدهایش نه مرده‌اند و نه اشباع‌شده؛ پس همچنان یاد می‌گیرد.</translation>
    </message>
    <message>
        <source>This layer&apos;s weights barely change. Typical of deep sigmoid/tanh nets; ReLU with He init, batch norm or residual connections help.</source>
        <translation>وزن‌های این لایه به‌سختی تغییر می‌کنند. این در شبکه‌های عمیق sigmoid/tanh رایج است؛ ReLU با مقداردهی اولیهٔ He، نرمال‌سازی دسته‌ای یا اتصال‌های باقی‌مانده کمک می‌کنند.</translation>
    </message>
    <message>
        <source>Updates overshoot. Lower the learning rate or the init gain, or clip gradients.</source>
        <translation>به‌روزرسانی‌ها از هدف فراتر می‌روند. نرخ یادگیری یا بهرهٔ مقداردهی اولیه را کم کنید، یا گرادیان‌ها را ببرید.</translation>
    </message>
    <message>
        <source>No gradient flows through dead units, so they cannot recover. Lower the learning rate, use leaky ReLU or He initialization.</source>
        <translation>هیچ گرادیانی از واحدهای مرده نمی‌گذرد، پس نمی‌توانند دوباره فعال شوند. نرخ یادگیری را کم کنید، یا از leaky ReLU یا مقداردهی اولیهٔ He استفاده کنید.</translation>
    </message>
    <message>
        <source>On the flat ends of the curve the derivative is nearly 0. Smaller initial weights or batch norm keep the units in the steep middle.</source>
        <translation>در دو سر تخت منحنی، مشتق تقریباً ۰ است. وزن‌های آغازین کوچک‌تر یا نرمال‌سازی دسته‌ای واحدها را در میانهٔ شیب‌دار نگه می‌دارند.</translation>
    </message>
    <message>
        <source>Training cannot continue from here. Rewind and lower the learning rate.</source>
        <translation>آموزش از این نقطه نمی‌تواند ادامه یابد. به عقب برگردید و نرخ یادگیری را کم کنید.</translation>
    </message>
</context>
<context>
    <name>HealthStrip</name>
    <message>
        <source>Training diverged (NaN/inf) — rewind to go back</source>
        <translation>آموزش واگرا شد (NaN/inf) — برای بازگشت، به عقب برگردید</translation>
    </message>
</context>
<context>
    <name>Inspect</name>
    <message>
        <source>neuron {0} of layer {1}</source>
        <translation>نورون {0} از لایهٔ {1}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>لایهٔ {0}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>not computed yet in this phase</source>
        <translation>هنوز در این مرحله محاسبه نشده</translation>
    </message>
    <message>
        <source>δ includes the 1/N of the mean loss over the mini-batch.</source>
        <translation>δ ضریب 1/N میانگین زیان روی دستهٔ کوچک را در خود دارد.</translation>
    </message>
    <message>
        <source>step {0} · {1}</source>
        <translation>گام {0} · {1}</translation>
    </message>
    <message>
        <source>ready: no step shown yet</source>
        <translation>آماده: هنوز گامی نمایش داده نشده</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>لایهٔ خروجی</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>لایهٔ پنهان</translation>
    </message>
    <message>
        <source>sample n = {0} of the mini-batch ({1} samples) · </source>
        <translation>نمونهٔ n = {0} از دستهٔ کوچک ({1} نمونه) · </translation>
    </message>
    <message>
        <source>bias</source>
        <translation>بایاس</translation>
    </message>
    <message>
        <source>batch-norm scale</source>
        <translation>مقیاس نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>batch-norm shift</source>
        <translation>جابه‌جایی نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>PReLU slope for u &amp;lt; 0</source>
        <translation>شیب PReLU برای u &amp;lt; 0</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>گذر رو به جلو</translation>
    </message>
    <message>
        <source>z, a: {0} (the forward pass has not reached layer {1}).</source>
        <translation>z، a: {0} (گذر رو به جلو هنوز به لایهٔ {1} نرسیده است).</translation>
    </message>
    <message>
        <source>batch mean of z</source>
        <translation>میانگین z در دسته</translation>
    </message>
    <message>
        <source>batch variance of z</source>
        <translation>واریانس z در دسته</translation>
    </message>
    <message>
        <source>running μ&lt;sub&gt;{0}&lt;/sub&gt;</source>
        <translation>μ&lt;sub&gt;{0}&lt;/sub&gt; جاری</translation>
    </message>
    <message>
        <source>used in evaluation (test loss, boundary)</source>
        <translation>در ارزیابی به کار می‌رود (زیان آزمون، مرز تصمیم)</translation>
    </message>
    <message>
        <source>running σ&lt;sub&gt;{0}&lt;/sub&gt;²</source>
        <translation>σ&lt;sub&gt;{0}&lt;/sub&gt;² جاری</translation>
    </message>
    <message>
        <source>used in evaluation; momentum 0.1</source>
        <translation>در ارزیابی به کار می‌رود؛ تکانهٔ 0.1</translation>
    </message>
    <message>
        <source>the activation</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>dropped in this sample (rate {0})</source>
        <translation>در این نمونه حذف شده (نرخ {0})</translation>
    </message>
    <message>
        <source>kept by dropout, × 1/(1 − {0})</source>
        <translation>حذف تصادفی نگهش داشته، × 1/(1 − {0})</translation>
    </message>
    <message>
        <source>neuron switched off: × 0</source>
        <translation>نورون خاموش است: × 0</translation>
    </message>
    <message>
        <source>+ the layer&apos;s input (residual)</source>
        <translation>+ ورودی لایه (باقی‌مانده)</translation>
    </message>
    <message>
        <source>output</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>گذر رو به عقب</translation>
    </message>
    <message>
        <source>∂L/∂a, δ: {0} (backward has not reached layer {1}).</source>
        <translation>∂L/∂a، δ: {0} (گذر رو به عقب هنوز به لایهٔ {1} نرسیده است).</translation>
    </message>
    <message>
        <source>from the layer above ({0})</source>
        <translation>از لایهٔ بالاتر ({0})</translation>
    </message>
    <message>
        <source>from the loss</source>
        <translation>از زیان</translation>
    </message>
    <message>
        <source>back through batch norm</source>
        <translation>برگشت از میان نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>loss and {0} together</source>
        <translation>زیان و {0} با هم</translation>
    </message>
    <message>
        <source>Batch norm mixes the samples: δ of this sample depends on ∂L/∂u of the whole mini-batch, so it can be nonzero where ∂L/∂u is 0.</source>
        <translation>نرمال‌سازی دسته‌ای نمونه‌ها را در هم می‌آمیزد: δ این نمونه به ∂L/∂u کل دستهٔ کوچک بستگی دارد، پس جایی که ∂L/∂u صفر است هم می‌تواند ناصفر باشد.</translation>
    </message>
    <message>
        <source>Softmax over the layer</source>
        <translation>softmax روی لایه</translation>
    </message>
    <message>
        <source>the layer&apos;s logits</source>
        <translation>لوجیت‌های لایه</translation>
    </message>
    <message>
        <source>The outputs sum to {0}: a probability for each class.</source>
        <translation>جمع خروجی‌ها {0} است: یک احتمال برای هر کلاس.</translation>
    </message>
    <message>
        <source>Decision line</source>
        <translation>خط تصمیم</translation>
    </message>
    <message>
        <source>Both weights are 0: z is the bias everywhere, there is no line.</source>
        <translation>هر دو وزن ۰اند: z همه‌جا برابر بایاس است و خطی وجود ندارد.</translation>
    </message>
    <message>
        <source>z = 0 on the line {0}</source>
        <translation>z = 0 روی خط {0}</translation>
    </message>
    <message>
        <source>that is {0}</source>
        <translation>یعنی {0}</translation>
    </message>
    <message>
        <source>On one side z &amp;gt; 0, on the other z &amp;lt; 0; on the line {0}.</source>
        <translation>در یک سو z &amp;gt; 0 و در سوی دیگر z &amp;lt; 0؛ روی خط {0}.</translation>
    </message>
    <message>
        <source>On one side z &amp;gt; 0, on the other z &amp;lt; 0.</source>
        <translation>در یک سو z &amp;gt; 0 و در سوی دیگر z &amp;lt; 0.</translation>
    </message>
    <message>
        <source>The line is in the units the data view plots.</source>
        <translation>خط در همان یکاهایی است که نمای داده رسم می‌کند.</translation>
    </message>
    <message>
        <source>The inputs are standardized ({0}): the network&apos;s own weights and bias give {1} in those units.</source>
        <translation>ورودی‌ها استاندارد شده‌اند ({0}): وزن‌ها و بایاس خود شبکه در آن یکاها {1} را می‌دهند.</translation>
    </message>
    <message>
        <source>input {0}</source>
        <translation>ورودی {0}</translation>
    </message>
    <message>
        <source>Weight {0}</source>
        <translation>وزن {0}</translation>
    </message>
    <message>
        <source>from {0} to {1} · {2}</source>
        <translation>از {0} به {1} · {2}</translation>
    </message>
    <message>
        <source>the weight now</source>
        <translation>وزن کنونی</translation>
    </message>
    <message>
        <source>Gradient: the chain rule</source>
        <translation>گرادیان: قاعدهٔ زنجیره‌ای</translation>
    </message>
    <message>
        <source>∂L/∂W: {0} (backward has not reached layer {1}).</source>
        <translation>∂L/∂W: {0} (گذر رو به عقب هنوز به لایهٔ {1} نرسیده است).</translation>
    </message>
    <message>
        <source>{0} + penalty</source>
        <translation>{0} + جریمه</translation>
    </message>
    <message>
        <source>(one term per sample n)</source>
        <translation>(یک جمله برای هر نمونهٔ n)</translation>
    </message>
    <message>
        <source>+ {0} more</source>
        <translation>+ {0} جملهٔ دیگر</translation>
    </message>
    <message>
        <source>no L1/L2 penalty</source>
        <translation>بدون جریمهٔ L1/L2</translation>
    </message>
    <message>
        <source>from the data</source>
        <translation>از داده</translation>
    </message>
    <message>
        <source>+ penalty</source>
        <translation>+ جریمه</translation>
    </message>
    <message>
        <source>the gradient</source>
        <translation>گرادیان</translation>
    </message>
    <message>
        <source>after clipping to global norm ≤ {0}</source>
        <translation>پس از بریدن به نرم کلی ≤ {0}</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>The optimizer step is shown at the update phase.</source>
        <translation>گام بهینه‌ساز در مرحلهٔ به‌روزرسانی نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Update ({0}, lr = {1}, t = {2})</source>
        <translation>به‌روزرسانی ({0}، lr = {1}، t = {2})</translation>
    </message>
    <message>
        <source>g (clipped)</source>
        <translation>g (بریده‌شده)</translation>
    </message>
    <message>
        <source>the gradient used</source>
        <translation>گرادیان به‌کاررفته</translation>
    </message>
    <message>
        <source>{0} (decoupled decay)</source>
        <translation>{0} (کاهش وزن جداشده)</translation>
    </message>
    <message>
        <source>Nesterov-corrected {0}</source>
        <translation>{0} با تصحیح Nesterov</translation>
    </message>
    <message>
        <source>(+ weight decay)</source>
        <translation>(+ کاهش وزن)</translation>
    </message>
    <message>
        <source>the step of the rule above</source>
        <translation>گام قاعدهٔ بالا</translation>
    </message>
    <message>
        <source>optimizer state</source>
        <translation>حالت بهینه‌ساز</translation>
    </message>
    <message>
        <source>the optimizer&apos;s step</source>
        <translation>گام بهینه‌ساز</translation>
    </message>
    <message>
        <source>W before</source>
        <translation>W پیشین</translation>
    </message>
    <message>
        <source>W new</source>
        <translation>W تازه</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>لایهٔ {0}</translation>
    </message>
    <message>
        <source>{0} neurons</source>
        <translation>{0} نورون</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>پارامتر</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>شکل</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>درایه‌ها</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>dropout {0}</source>
        <translation>حذف تصادفی {0}</translation>
    </message>
    <message>
        <source>residual connection</source>
        <translation>اتصال باقی‌مانده</translation>
    </message>
    <message>
        <source>latest step</source>
        <translation>آخرین گام</translation>
    </message>
    <message>
        <source>health</source>
        <translation>سلامت</translation>
    </message>
    <message>
        <source>Gradient check on the shown mini-batch</source>
        <translation>بررسی گرادیان روی دستهٔ کوچک نمایش‌داده‌شده</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>پس‌انتشار</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>عددی</translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation>خطای نسبی</translation>
    </message>
    <message>
        <source>({0} more not listed)</source>
        <translation>({0} درایهٔ دیگر فهرست نشده)</translation>
    </message>
    <message>
        <source>{0} of {1} entry</source>
        <translation>{0} از {1} درایه</translation>
    </message>
    <message>
        <source>{0} of {1} entries</source>
        <translation>{0} از {1} درایه</translation>
    </message>
    <message>
        <source>{0} entry</source>
        <translation>{0} درایه</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} درایه</translation>
    </message>
    <message>
        <source>max relative error {0}: backprop and numeric gradients agree</source>
        <translation>بیشینهٔ خطای نسبی {0}: گرادیان‌های پس‌انتشار و عددی هم‌خوان‌اند</translation>
    </message>
    <message>
        <source>max relative error {0}: backprop and numeric gradients disagree</source>
        <translation>بیشینهٔ خطای نسبی {0}: گرادیان‌های پس‌انتشار و عددی ناهم‌خوان‌اند</translation>
    </message>
    <message>
        <source>numeric = central differences, agreement means &amp;lt; {0}</source>
        <translation>عددی = تفاضل‌های مرکزی؛ هم‌خوانی یعنی &amp;lt; {0}</translation>
    </message>
    <message>
        <source>These gradients are tiny (below {0}): at that size the numeric estimate&apos;s rounding error, about 1e-10 of the loss, outweighs them, so a large relative error here does not mean backprop is wrong.</source>
        <translation>این گرادیان‌ها بسیار کوچک‌اند (زیر {0}): در این اندازه خطای گردکردن برآورد عددی، حدود 1e-10 زیان، از خودشان بزرگ‌تر است؛ پس خطای نسبی بزرگ در اینجا به معنای نادرستی پس‌انتشار نیست.</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Click a neuron or an edge in the network to see its numbers.</source>
        <translation>روی یک نورون یا یال در شبکه کلیک کنید تا عددهایش را ببینید.</translation>
    </message>
    <message>
        <source>The numbers of the selected neuron, edge or layer at the shown phase. δ = ∂L/∂z, a = the neuron&apos;s output, W = weight.</source>
        <translation>عددهای نورون، یال یا لایهٔ انتخاب‌شده در مرحلهٔ نمایش‌داده‌شده. δ = ∂L/∂z، a = خروجی نورون، W = وزن.</translation>
    </message>
    <message>
        <source>sample n:</source>
        <translation>نمونهٔ n:</translation>
    </message>
    <message>
        <source>Which sample of the mini-batch the neuron&apos;s forward and backward values are shown for (0 = the first).</source>
        <translation>مقدارهای رو به جلو و رو به عقب نورون برای کدام نمونهٔ دستهٔ کوچک نشان داده شود (۰ = نخستین).</translation>
    </message>
    <message>
        <source>a number, e.g. 0.5</source>
        <translation>یک عدد، مثلاً 0.5</translation>
    </message>
    <message>
        <source>Type a new value and press Enter (or Set). The shown step is cancelled and the next step uses the new value.</source>
        <translation>مقدار تازه‌ای بنویسید و Enter (یا «اعمال») را بزنید. گام نمایش‌داده‌شده لغو می‌شود و گام بعد مقدار تازه را به کار می‌برد.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Write the typed value into the network.</source>
        <translation>مقدار نوشته‌شده را در شبکه بگذار.</translation>
    </message>
    <message>
        <source>neuron on</source>
        <translation>نورون روشن</translation>
    </message>
    <message>
        <source>Untick to switch this hidden neuron off: its output a becomes 0 and no gradient flows through it, until ticked again.</source>
        <translation>تیک را بردارید تا این نورون پنهان خاموش شود: خروجی a آن ۰ می‌شود و تا دوباره تیک نخورد هیچ گرادیانی از آن نمی‌گذرد.</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>بررسی گرادیان</translation>
    </message>
    <message>
        <source>Compare backprop&apos;s gradient of the selection with a numeric estimate (fourth-order central differences, ε = 1e-5) on the shown mini-batch. Neuron: its incoming weights and bias; layer: up to 64 weights.</source>
        <translation>گرادیان پس‌انتشار برای بخش انتخاب‌شده را با برآوردی عددی (تفاضل‌های مرکزی مرتبهٔ چهارم، ε = 1e-5) روی دستهٔ کوچک نمایش‌داده‌شده مقایسه کن. نورون: وزن‌های ورودی و بایاس آن؛ لایه: تا ۶۴ وزن.</translation>
    </message>
    <message>
        <source>Why the last edit or check did not happen.</source>
        <translation>چرا آخرین ویرایش یا بررسی انجام نشد.</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} عدد نیست</translation>
    </message>
    <message>
        <source>type a number first</source>
        <translation>اول یک عدد بنویسید</translation>
    </message>
    <message>
        <source>The selection no longer exists: {reason}</source>
        <translation>بخش انتخاب‌شده دیگر وجود ندارد: {reason}</translation>
    </message>
</context>
<context>
    <name>KnobForms</name>
    <message>
        <source>The data set (rebuilds the network and starts again at step 0)</source>
        <translation>مجموعه‌داده (شبکه را از نو می‌سازد و از گام ۰ آغاز می‌کند)</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>مجموعه‌داده</translation>
    </message>
    <message>
        <source>Number of points generated (train and test together)</source>
        <translation>شمار نقطه‌های ساخته‌شده (آموزش و آزمون با هم)</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>نمونه‌ها</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>نویز</translation>
    </message>
    <message>
        <source> % test</source>
        <translation> ٪ آزمون</translation>
    </message>
    <message>
        <source>Share of the points held out as the test set (never trained on)</source>
        <translation>سهمی از نقطه‌ها که به‌عنوان مجموعهٔ آزمون کنار گذاشته می‌شود (هرگز روی آن آموزش نمی‌بیند)</translation>
    </message>
    <message>
        <source>Train / test</source>
        <translation>آموزش / آزمون</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>ویژگی‌های ورودی</translation>
    </message>
    <message>
        <source>What the network sees of each 2-D point (as in TensorFlow Playground); only for data sets with two inputs</source>
        <translation>آنچه شبکه از هر نقطهٔ دوبعدی می‌بیند (مانند ⁦TensorFlow Playground⁩)؛ فقط برای مجموعه‌داده‌های دوورودی</translation>
    </message>
    <message>
        <source>Feed {feature} to the network as an input</source>
        <translation>{feature} را به‌عنوان ورودی به شبکه بده</translation>
    </message>
    <message>
        <source>Standardize inputs</source>
        <translation>استانداردسازی ورودی‌ها</translation>
    </message>
    <message>
        <source>Scale every input (and a regression target) to mean 0, std 1 using the training set&apos;s statistics</source>
        <translation>هر ورودی (و هدف رگرسیون) را با آمار مجموعهٔ آموزشی به میانگین ۰ و انحراف معیار ۱ مقیاس کن</translation>
    </message>
    <message>
        <source>Seed of every random choice: data, split, initial weights, batches, dropout. The same seed replays the same run.</source>
        <translation>بذر هر انتخاب تصادفی: داده، تقسیم، وزن‌های آغازین، دسته‌ها، حذف تصادفی. بذر یکسان همان اجرا را تکرار می‌کند.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>Pick the next seed: new data and new initial weights</source>
        <translation>بذر بعدی را برگزین: دادهٔ تازه و وزن‌های آغازین تازه</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>بذر تصادفی</translation>
    </message>
    <message>
        <source>Activation of every hidden layer (set one layer below or from its header in the network view)</source>
        <translation>فعال‌سازی همهٔ لایه‌های پنهان (برای یک لایه، پایین‌تر یا از سرستون آن در نمای شبکه تنظیم کنید)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>Batch norm in every hidden layer</source>
        <translation>نرمال‌سازی دسته‌ای در همهٔ لایه‌های پنهان</translation>
    </message>
    <message>
        <source>Normalize each hidden layer&apos;s pre-activations over the mini-batch (rebuilds the network; needs batches of 2 or more)</source>
        <translation>پیش‌فعال‌سازی‌های هر لایهٔ پنهان را روی دستهٔ کوچک نرمال کن (شبکه را از نو می‌سازد؛ به دسته‌های ۲ یا بیشتر نیاز دارد)</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>on, rate</source>
        <translation>روشن، نرخ</translation>
    </message>
    <message>
        <source>Dropout in every hidden layer: each training step silences this share of the neurons at random (applies at the next step, keeps the weights)</source>
        <translation>حذف تصادفی در همهٔ لایه‌های پنهان: هر گام آموزشی این سهم از نورون‌ها را تصادفی خاموش می‌کند (از گام بعد اعمال می‌شود، وزن‌ها می‌مانند)</translation>
    </message>
    <message>
        <source>Dropout rate used when dropout is switched on</source>
        <translation>نرخ حذف تصادفی وقتی روشن است</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>حذف تصادفی</translation>
    </message>
    <message>
        <source>Residual connections</source>
        <translation>اتصال‌های باقی‌مانده</translation>
    </message>
    <message>
        <source>{formula} in every hidden layer as wide as its input (rebuilds the network)</source>
        <translation>{formula} در هر لایهٔ پنهانی که پهنایش برابر ورودی‌اش است (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>باقی‌مانده</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>لایه‌های پنهان</translation>
    </message>
    <message>
        <source>Units, activation, batch norm, dropout and residual connection of each hidden layer; the output layer follows from the data</source>
        <translation>واحدها، فعال‌سازی، نرمال‌سازی دسته‌ای، حذف تصادفی و اتصال باقی‌ماندهٔ هر لایهٔ پنهان؛ لایهٔ خروجی از داده پیروی می‌کند</translation>
    </message>
    <message>
        <source>units</source>
        <translation>واحدها</translation>
    </message>
    <message>
        <source>neurons in the layer</source>
        <translation>نورون‌های لایه</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>BN</source>
        <translation>ن‌د</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>حذف تصادفی</translation>
    </message>
    <message>
        <source>dropout rate</source>
        <translation>نرخ حذف تصادفی</translation>
    </message>
    <message>
        <source>res</source>
        <translation>باقی</translation>
    </message>
    <message>
        <source>residual connection</source>
        <translation>اتصال باقی‌مانده</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>افزودن لایه</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output (a copy of the last one)</source>
        <translation>یک لایهٔ پنهان پیش از خروجی بیفزا (رونوشتی از آخرین لایه)</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>حذف لایه</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>آخرین لایهٔ پنهان را حذف کن</translation>
    </message>
    <message>
        <source>Activation of the output layer; auto: sigmoid for two classes, softmax for more, linear for regression</source>
        <translation>فعال‌سازی لایهٔ خروجی؛ خودکار: sigmoid برای دو رده، softmax برای بیشتر، linear برای رگرسیون</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>How the initial weights are drawn (zeros: every neuron stays the same)</source>
        <translation>وزن‌های آغازین چگونه کشیده می‌شوند (zeros: همهٔ نورون‌ها یکسان می‌مانند)</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>مقداردهی اولیه</translation>
    </message>
    <message>
        <source>Multiplies every initial weight: above 1 the gradients can explode, below 1 they can vanish</source>
        <translation>هر وزن آغازین را ضرب می‌کند: بالای ۱ گرادیان‌ها ممکن است منفجر شوند و زیر ۱ محو</translation>
    </message>
    <message>
        <source>Init gain</source>
        <translation>ضریب مقداردهی اولیه</translation>
    </message>
    <message>
        <source>Update rule (torch.optim names and defaults); keeps the weights</source>
        <translation>قاعدهٔ به‌روزرسانی (نام‌ها و پیش‌فرض‌های ⁦torch.optim⁩)؛ وزن‌ها می‌مانند</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>بهینه‌ساز</translation>
    </message>
    <message>
        <source>Learning rate: each update moves the weights by lr × gradient (arrows step 1-2-5 per decade)</source>
        <translation>نرخ یادگیری: هر به‌روزرسانی وزن‌ها را به اندازهٔ ⁦lr × gradient⁩ جابه‌جا می‌کند (پیکان‌ها در هر دهه ۱-۲-۵ گام برمی‌دارند)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>نرخ یادگیری</translation>
    </message>
    <message>
        <source>Momentum of SGD and RMSprop: the update keeps this share of the previous one</source>
        <translation>تکانهٔ SGD و RMSprop: به‌روزرسانی این سهم از به‌روزرسانی پیشین را نگه می‌دارد</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>تکانه</translation>
    </message>
    <message>
        <source>Learning-rate schedule: constant; step (× gamma every step_size steps); exponential (× decay_rate every decay_steps steps)</source>
        <translation>برنامهٔ نرخ یادگیری: ثابت؛ پلکانی (⁦× gamma⁩ هر ⁦step_size⁩ گام)؛ نمایی (⁦× decay_rate⁩ هر ⁦decay_steps⁩ گام)</translation>
    </message>
    <message>
        <source>Factor of the schedule (gamma or decay rate)</source>
        <translation>ضریب برنامه (⁦gamma⁩ یا نرخ کاهش)</translation>
    </message>
    <message>
        <source>every </source>
        <translation>هر </translation>
    </message>
    <message>
        <source>Steps between two factors (step size or decay steps)</source>
        <translation>گام‌های میان دو ضرب (اندازهٔ پله یا گام‌های کاهش)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>کاهش</translation>
    </message>
    <message>
        <source>Samples per mini-batch: 1 is stochastic gradient descent, the whole training set is batch gradient descent</source>
        <translation>نمونه‌ها در هر دستهٔ کوچک: ۱ یعنی نزول گرادیان تصادفی، کل مجموعهٔ آموزشی یعنی نزول گرادیان دسته‌ای</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>اندازهٔ دسته</translation>
    </message>
    <message>
        <source>Loss: auto picks bce for two classes, cross-entropy for more, mse for regression (rebuilds the network)</source>
        <translation>زیان: خودکار برای دو رده bce، برای بیشتر آنتروپی متقاطع و برای رگرسیون mse را برمی‌گزیند (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>Penalty on the weights added to the loss: l2 = rate × Σw², l1 = rate × Σ|w|</source>
        <translation>جریمهٔ وزن‌ها که به زیان افزوده می‌شود: ⁦l2 = rate × Σw²⁩، ⁦l1 = rate × Σ|w|⁩</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>نرخ منظم‌سازی</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>منظم‌سازی</translation>
    </message>
    <message>
        <source>max norm</source>
        <translation>بیشینهٔ نرم</translation>
    </message>
    <message>
        <source>Gradient clipping: rescale the whole gradient when its global norm exceeds the limit</source>
        <translation>بریدن گرادیان: وقتی نرم کلی گرادیان از حد بگذرد، کل آن را کوچک کن</translation>
    </message>
    <message>
        <source>Largest global gradient norm allowed</source>
        <translation>بزرگ‌ترین نرم کلی مجاز گرادیان</translation>
    </message>
    <message>
        <source>Clip gradients</source>
        <translation>بریدن گرادیان</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>شکیبایی</translation>
    </message>
    <message>
        <source>Stop playing when the test loss has not improved for this many steps</source>
        <translation>وقتی زیان آزمون این‌قدر گام بهتر نشد، پخش را متوقف کن</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> گام</translation>
    </message>
    <message>
        <source>Steps without a better test loss before stopping</source>
        <translation>گام‌های بی‌بهبود زیان آزمون پیش از توقف</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>توقف زودهنگام</translation>
    </message>
</context>
<context>
    <name>Knobs</name>
    <message>
        <source>Data set</source>
        <translation>مجموعه‌داده</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>نمونه‌ها</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>نویز</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>سهم آزمون</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>ویژگی‌های ورودی</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>استانداردسازی</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>لایه‌های پنهان</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>فعال‌سازی خروجی</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>مقداردهی اولیه</translation>
    </message>
    <message>
        <source>Init gain</source>
        <translation>ضریب مقداردهی اولیه</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>منظم‌سازی</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>نرخ منظم‌سازی</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>بهینه‌ساز</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>نرخ یادگیری</translation>
    </message>
    <message>
        <source>Optimizer options</source>
        <translation>گزینه‌های بهینه‌ساز</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>اندازهٔ دسته</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>برنامهٔ نرخ یادگیری</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>بریدن گرادیان</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>توقف زودهنگام</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>شکیبایی</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>بذر تصادفی</translation>
    </message>
    <message>
        <source>f(u) = u: no nonlinearity; stacked linear layers collapse into one</source>
        <translation>⁦f(u) = u⁩: بدون ناخطی بودن؛ لایه‌های خطی پشت هم به یک لایه فرو می‌ریزند</translation>
    </message>
    <message>
        <source>binary step: 1 if u &gt; 0 else 0; its derivative is 0, so nothing learns through it</source>
        <translation>پلهٔ دودویی: ⁦1 if u &gt; 0 else 0⁩؛ مشتقش ۰ است، پس هیچ چیز از راه آن یاد نمی‌گیرد</translation>
    </message>
    <message>
        <source>1 / (1 + e^-u): outputs in (0, 1), derivative at most 0.25 (vanishing gradients)</source>
        <translation>⁦1 / (1 + e^-u)⁩: خروجی در ⁦(0, 1)⁩، مشتق حداکثر ۰٫۲۵ (گرادیان‌های محوشونده)</translation>
    </message>
    <message>
        <source>tanh(u): outputs in (-1, 1), derivative at most 1</source>
        <translation>⁦tanh(u)⁩: خروجی در ⁦(-1, 1)⁩، مشتق حداکثر ۱</translation>
    </message>
    <message>
        <source>max(0, u): derivative 1 when active, 0 otherwise (dead units)</source>
        <translation>⁦max(0, u)⁩: مشتق ۱ وقتی فعال است، وگرنه ۰ (واحدهای مرده)</translation>
    </message>
    <message>
        <source>u if u &gt; 0 else 0.01 u: never quite dead</source>
        <translation>⁦u if u &gt; 0 else 0.01 u⁩: هرگز کاملاً نمی‌میرد</translation>
    </message>
    <message>
        <source>u if u &gt; 0 else alpha u, with a learned slope alpha per neuron</source>
        <translation>⁦u if u &gt; 0 else alpha u⁩، با شیب آموختنی ⁦alpha⁩ برای هر نورون</translation>
    </message>
    <message>
        <source>u if u &gt; 0 else e^u - 1: smooth, negative outputs</source>
        <translation>⁦u if u &gt; 0 else e^u - 1⁩: هموار، با خروجی‌های منفی</translation>
    </message>
    <message>
        <source>locked by the instructor</source>
        <translation>مدرس قفلش کرده است</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>گوناگون</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>ثابت</translation>
    </message>
    <message>
        <source>step</source>
        <translation>پلکانی</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>نمایی</translation>
    </message>
</context>
<context>
    <name>KnobsPanel</name>
    <message>
        <source>Data</source>
        <translation>داده</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>شبکه</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>Data set, noise, input features, train/test split, seed</source>
        <translation>مجموعه‌داده، نویز، ویژگی‌های ورودی، تقسیم آموزش/آزمون، بذر تصادفی</translation>
    </message>
    <message>
        <source>Layers and neurons, activations, batch norm, dropout, residuals, init</source>
        <translation>لایه‌ها و نورون‌ها، فعال‌سازی‌ها، نرمال‌سازی دسته‌ای، حذف تصادفی، اتصال‌های باقی‌مانده، مقداردهی اولیه</translation>
    </message>
    <message>
        <source>Optimizer, learning rate and schedule, batch size, loss, regularization, clipping, early stopping</source>
        <translation>بهینه‌ساز، نرخ یادگیری و برنامهٔ آن، اندازهٔ دسته، زیان، منظم‌سازی، بریدن گرادیان، توقف زودهنگام</translation>
    </message>
    <message>
        <source>{task}, {inputs} inputs; {train} train, {test} test</source>
        <translation>{task}، {inputs} ورودی؛ {train} آموزش، {test} آزمون</translation>
    </message>
    <message>
        <source>{task}, 1 input; {train} train, {test} test</source>
        <translation>{task}، ۱ ورودی؛ {train} آموزش، {test} آزمون</translation>
    </message>
    <message>
        <source>no noise knob for this data set</source>
        <translation>این مجموعه‌داده تنظیم نویز ندارد</translation>
    </message>
    <message>
        <source>Batch norm needs mini-batches of 2 or more samples: raise the batch size first</source>
        <translation>نرمال‌سازی دسته‌ای به دسته‌های کوچک ۲ نمونه یا بیشتر نیاز دارد: نخست اندازهٔ دسته را بالا ببرید</translation>
    </message>
    <message>
        <source>Normalize each hidden layer&apos;s pre-activations over the mini-batch (rebuilds the network; needs batches of 2 or more)</source>
        <translation>پیش‌فعال‌سازی‌های هر لایهٔ پنهان را روی دستهٔ کوچک نرمال کن (شبکه را از نو می‌سازد؛ به دسته‌های ۲ یا بیشتر نیاز دارد)</translation>
    </message>
    <message>
        <source>{formula} in every hidden layer as wide as its input (rebuilds the network)</source>
        <translation>{formula} در هر لایهٔ پنهانی که پهنایش برابر ورودی‌اش است (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>No hidden layer is as wide as its input: give consecutive layers the same number of units to allow residual connections</source>
        <translation>هیچ لایهٔ پنهانی هم‌پهنای ورودی‌اش نیست: برای اتصال باقی‌مانده به لایه‌های پشت هم شمار واحد یکسان بدهید</translation>
    </message>
    <message>
        <source>Activation of the output layer (now {activation}); auto: sigmoid for two classes, softmax for more, linear for regression</source>
        <translation>فعال‌سازی لایهٔ خروجی (اکنون {activation})؛ خودکار: sigmoid برای دو رده، softmax برای بیشتر، linear برای رگرسیون</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>از {count}</translation>
    </message>
    <message>
        <source>Loss (now {loss}); auto picks bce for two classes, cross_entropy for more, mse for regression (rebuilds the network)</source>
        <translation>زیان (اکنون {loss})؛ خودکار برای دو رده bce، برای بیشتر cross_entropy و برای رگرسیون mse را برمی‌گزیند (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>Residual connection {formula} in layer {layer}</source>
        <translation>اتصال باقی‌ماندهٔ {formula} در لایهٔ {layer}</translation>
    </message>
    <message>
        <source>A residual connection needs this layer&apos;s units ({units}) to equal its input ({inputs})</source>
        <translation>اتصال باقی‌مانده نیاز دارد واحدهای این لایه ({units}) برابر ورودی‌اش ({inputs}) باشد</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>PCA of the path</source>
        <translation>PCA مسیر</translation>
    </message>
    <message>
        <source>random, filter-normalised</source>
        <translation>تصادفی، نرمال‌شده برای هر فیلتر</translation>
    </message>
    <message>
        <source>The plane through the current weights: the path&apos;s two main directions, or two random directions scaled per neuron</source>
        <translation>صفحه‌ای که از وزن‌های کنونی می‌گذرد: دو جهت اصلی مسیر، یا دو جهت تصادفی که برای هر نورون مقیاس شده‌اند</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>محاسبهٔ دوباره</translation>
    </message>
    <message>
        <source>Compute the surface around the current weights now</source>
        <translation>سطح پیرامون وزن‌های کنونی را هم‌اکنون محاسبه کن</translation>
    </message>
    <message>
        <source>Plane:</source>
        <translation>صفحه:</translation>
    </message>
    <message>
        <source>surface of step {0}</source>
        <translation>سطح گام {0}</translation>
    </message>
    <message>
        <source>surface of step {0}; the path goes on live</source>
        <translation>سطح گام {0}؛ مسیر زنده ادامه می‌یابد</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>direction 1</source>
        <translation>جهت ۱</translation>
    </message>
    <message>
        <source>direction 2</source>
        <translation>جهت ۲</translation>
    </message>
    <message>
        <source>blank: the loss overflows there ({0} of {1} points)</source>
        <translation>خالی: زیان در آن‌جا سرریز می‌کند ({0} از {1} نقطه)</translation>
    </message>
    <message>
        <source>direction 1 (PCA of the path)</source>
        <translation>جهت ۱ (PCA مسیر)</translation>
    </message>
    <message>
        <source>direction 2 (PCA of the path)</source>
        <translation>جهت ۲ (PCA مسیر)</translation>
    </message>
    <message>
        <source>random direction 1 (filter-normalised)</source>
        <translation>جهت تصادفی ۱ (نرمال‌شده برای هر فیلتر)</translation>
    </message>
    <message>
        <source>random direction 2 (filter-normalised)</source>
        <translation>جهت تصادفی ۲ (نرمال‌شده برای هر فیلتر)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>test</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <source>{0} loss around step {1}</source>
        <translation>زیان {0} پیرامون گام {1}</translation>
    </message>
    <message>
        <source>training path</source>
        <translation>مسیر آموزش</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>زیان (مقیاس لگاریتمی)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>زیان</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>Show nnviz in {language}; remembered for the next start</source>
        <translation>نمایش nnviz به {language}؛ برای اجرای بعدی به خاطر سپرده می‌شود</translation>
    </message>
    <message>
        <source>Language: {language}. Menus and panels change when nnviz starts again.</source>
        <translation>زبان: {language}. منوها و پنل‌ها در اجرای بعدی nnviz تغییر می‌کنند.</translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message>
        <source>Neurons in hidden layer {layer}</source>
        <translation>نورون‌های لایهٔ پنهان {layer}</translation>
    </message>
    <message>
        <source>Activation of hidden layer {layer}</source>
        <translation>فعال‌سازی لایهٔ پنهان {layer}</translation>
    </message>
    <message>
        <source>Batch normalization in layer {layer} (rebuilds the network)</source>
        <translation>نرمال‌سازی دسته‌ای در لایهٔ {layer} (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>Dropout rate of layer {layer}: share of its neurons silenced in each training step (0 = off); applies at the next step</source>
        <translation>نرخ حذف تصادفی لایهٔ {layer}: سهم نورون‌هایی که در هر گام آموزشی خاموش می‌شوند (۰ = خاموش)؛ از گام بعد اعمال می‌شود</translation>
    </message>
    <message>
        <source>Remove hidden layer {layer}</source>
        <translation>حذف لایهٔ پنهان {layer}</translation>
    </message>
</context>
<context>
    <name>LectureDocks</name>
    <message>
        <source>Loss landscape</source>
        <translation>چشم‌انداز زیان</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>تابع فعال‌سازی</translation>
    </message>
    <message>
        <source>Neuron graph</source>
        <translation>گراف نورون</translation>
    </message>
    <message>
        <source>Show the loss around the current weights and the path training took</source>
        <translation>زیانِ پیرامون وزن‌های کنونی و مسیری را که آموزش پیموده نشان بده</translation>
    </message>
    <message>
        <source>Show a layer&apos;s activation function, its derivative and where its units sit</source>
        <translation>تابع فعال‌سازی یک لایه، مشتق آن و جای واحدهایش را نشان بده</translation>
    </message>
    <message>
        <source>Show the neuron last clicked as a graph of operations, with the chain rule on every edge</source>
        <translation>آخرین نورونی را که روی آن کلیک شده به صورت گرافی از عملیات، با قاعدهٔ زنجیره‌ای روی هر یال، نشان بده</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>XOR به یک لایهٔ پنهان نیاز دارد</translation>
    </message>
    <message>
        <source>The XOR pattern cannot be separated by one straight line, so a network without hidden layers (logistic regression) stays near 50% accuracy. One hidden layer of eight tanh units bends the decision boundary and solves it within a few hundred steps.</source>
        <translation>الگوی XOR را نمی‌توان با یک خط راست جدا کرد، پس شبکه‌ای بدون لایهٔ پنهان (رگرسیون لجستیک) در دقتی نزدیک به ۵۰٪ می‌ماند. یک لایهٔ پنهان با هشت واحد tanh مرز تصمیم را خم می‌کند و مسئله را در چند صد گام حل می‌کند.</translation>
    </message>
    <message>
        <source>Test accuracy climbing to 100% while the no-hidden-layer run stays at chance; each hidden neuron&apos;s heatmap draws one straight edge, and the output combines them.</source>
        <translation>دقت آزمون تا ۱۰۰٪ بالا می‌رود، در حالی که اجرای بدون لایهٔ پنهان در حد شانس می‌ماند؛ نقشهٔ حرارتی هر نورون پنهان یک لبهٔ راست رسم می‌کند و خروجی آن‌ها را با هم ترکیب می‌کند.</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>بدون لایهٔ پنهان</translation>
    </message>
    <message>
        <source>Linear layers collapse into one</source>
        <translation>لایه‌های خطی به یک لایه فرومی‌ریزند</translation>
    </message>
    <message>
        <source>Stacking layers without a nonlinearity gives a product of matrices, which is again one matrix. However deep, this network is a linear model: its boundary is a straight line and it cannot enclose the circle. The same three layers with tanh activations fit it.</source>
        <translation>روی هم چیدن لایه‌ها بدون تابعی غیرخطی حاصل‌ضربی از ماتریس‌ها می‌دهد که باز هم یک ماتریس است. این شبکه هر قدر هم عمیق باشد یک مدل خطی است: مرز آن یک خط راست است و نمی‌تواند دایره را دربر بگیرد. همین سه لایه با فعال‌سازی tanh دایره را برازش می‌کنند.</translation>
    </message>
    <message>
        <source>The boundary stays a straight line and the accuracy near 55%; in the tanh run it closes around the circle.</source>
        <translation>مرز یک خط راست می‌ماند و دقت نزدیک به ۵۵٪؛ در اجرای tanh مرز دور دایره بسته می‌شود.</translation>
    </message>
    <message>
        <source>tanh activations</source>
        <translation>فعال‌سازی tanh</translation>
    </message>
    <message>
        <source>Step units cannot learn</source>
        <translation>واحدهای پله‌ای نمی‌توانند یاد بگیرند</translation>
    </message>
    <message>
        <source>The binary step was the first neuron model, but its derivative is zero everywhere. Backprop multiplies by that zero, so no gradient reaches the weights into the step layer and they never change: only the output layer learns, and XOR stays unsolved. Sigmoid units, a smooth step, learn it in the same 300 steps.</source>
        <translation>تابع پلهٔ دودویی نخستین مدل نورون بود، اما مشتق آن همه‌جا صفر است. پس‌انتشار در همین صفر ضرب می‌شود، پس هیچ گرادیانی به وزن‌های ورودیِ لایهٔ پله‌ای نمی‌رسد و آن وزن‌ها هرگز تغییر نمی‌کنند: فقط لایهٔ خروجی یاد می‌گیرد و XOR حل‌نشده می‌ماند. واحدهای sigmoid، که پله‌ای هموارند، همان را در همان ۳۰۰ گام یاد می‌گیرند.</translation>
    </message>
    <message>
        <source>During backward the edges into the step layer stay grey (zero gradient) and the health strip flags that layer vanishing; its weights never move.</source>
        <translation>در گذر رو به عقب، یال‌های ورودی به لایهٔ پله‌ای خاکستری می‌مانند (گرادیان صفر) و نوار سلامت آن لایه را محوشونده نشان می‌دهد؛ وزن‌هایش هرگز تکان نمی‌خورند.</translation>
    </message>
    <message>
        <source>sigmoid units</source>
        <translation>واحدهای sigmoid</translation>
    </message>
    <message>
        <source>A learning rate too small</source>
        <translation>نرخ یادگیری بیش از حد کوچک</translation>
    </message>
    <message>
        <source>Each update moves the weights by the learning rate times the gradient. With a rate of 0.0005 the loss creeps down so slowly that after 400 steps almost nothing is learned; at 0.1 the same net fits the circle.</source>
        <translation>هر به‌روزرسانی وزن‌ها را به اندازهٔ نرخ یادگیری ضرب در گرادیان جابه‌جا می‌کند. با نرخ 0.0005 زیان چنان آهسته پایین می‌خزد که پس از ۴۰۰ گام تقریباً چیزی یاد گرفته نمی‌شود؛ با نرخ 0.1 همین شبکه دایره را برازش می‌کند.</translation>
    </message>
    <message>
        <source>The nearly flat loss curve; the update-to-weight ratio far below 1e-3.</source>
        <translation>منحنی زیانِ تقریباً تخت؛ نسبت به‌روزرسانی به وزن بسیار کمتر از 1e-3.</translation>
    </message>
    <message>
        <source>learning rate 0.1</source>
        <translation>نرخ یادگیری 0.1</translation>
    </message>
    <message>
        <source>A learning rate too large</source>
        <translation>نرخ یادگیری بیش از حد بزرگ</translation>
    </message>
    <message>
        <source>Vanishing gradients in a deep sigmoid net</source>
        <translation>گرادیان محوشونده در یک شبکهٔ عمیق sigmoid</translation>
    </message>
    <message>
        <source>The sigmoid&apos;s derivative is at most 0.25, and backprop multiplies by one such factor (and by the weights) at every layer. Through eight hidden layers the gradient reaching the first layer is a few millionths of the output layer&apos;s, so the first layers barely learn and the net stays at chance.</source>
        <translation>مشتق sigmoid حداکثر 0.25 است و پس‌انتشار در هر لایه در یکی از این ضریب‌ها (و در وزن‌ها) ضرب می‌شود. پس از گذشتن از هشت لایهٔ پنهان، گرادیانی که به لایهٔ اول می‌رسد چند میلیونیمِ گرادیان لایهٔ خروجی است، پس لایه‌های نخست به‌زحمت یاد می‌گیرند و شبکه در حد شانس می‌ماند.</translation>
    </message>
    <message>
        <source>The gradient-norm plot: lines for the first layers orders of magnitude below the last; the health strip flags the first six layers vanishing; deltas fade toward the input during backward.</source>
        <translation>نمودار نرم گرادیان: خط‌های لایه‌های نخست چندین مرتبهٔ بزرگی پایین‌تر از لایهٔ آخرند؛ نوار سلامت شش لایهٔ نخست را محوشونده نشان می‌دهد؛ در گذر رو به عقب، دلتاها به سوی ورودی کم‌رنگ می‌شوند.</translation>
    </message>
    <message>
        <source>Exploding gradients from large initial weights</source>
        <translation>گرادیان انفجاری بر اثر وزن‌های اولیهٔ بزرگ</translation>
    </message>
    <message>
        <source>When weights start too large, every layer multiplies the error signal by more than one on the way back. Here the initial weights are 2.5 times He&apos;s, and the deltas grow about a hundredfold from the output to the first layer. The first update is huge, the next gradients are larger still, and within a few steps the numbers overflow.</source>
        <translation>وقتی وزن‌ها از آغاز بیش از حد بزرگ باشند، هر لایه در مسیر بازگشت سیگنال خطا را در عددی بزرگ‌تر از یک ضرب می‌کند. اینجا وزن‌های اولیه 2.5 برابر وزن‌های He هستند و دلتاها از خروجی تا لایهٔ اول حدود صد برابر بزرگ می‌شوند. نخستین به‌روزرسانی عظیم است، گرادیان‌های بعدی باز هم بزرگ‌ترند و در چند گام عددها سرریز می‌کنند.</translation>
    </message>
    <message>
        <source>During backward the deltas growing toward the input and the first layer flagged exploding; then the loss shooting up and the run diverging (NaN) within five steps. Compare with gradient clipping.</source>
        <translation>در گذر رو به عقب، دلتاها به سوی ورودی بزرگ می‌شوند و لایهٔ اول انفجاری نشان داده می‌شود؛ سپس زیان ناگهان بالا می‌رود و اجرا در کمتر از پنج گام واگرا می‌شود (NaN). با بریدن گرادیان مقایسه کنید.</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>بریدن گرادیان</translation>
    </message>
    <message>
        <source>Fix: ReLU with He initialisation</source>
        <translation>راه‌حل: ReLU با مقداردهی اولیهٔ He</translation>
    </message>
    <message>
        <source>The gradient-norm lines close together; the health strip green; test accuracy near 97% where the sigmoid net stays at 50%.</source>
        <translation>خط‌های نرم گرادیان نزدیک به هم؛ نوار سلامت سبز؛ دقت آزمون نزدیک به ۹۷٪، در حالی که شبکهٔ sigmoid در ۵۰٪ می‌ماند.</translation>
    </message>
    <message>
        <source>sigmoid, Xavier</source>
        <translation>sigmoid با Xavier</translation>
    </message>
    <message>
        <source>Fix: batch normalisation</source>
        <translation>راه‌حل: نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>without batch norm</source>
        <translation>بدون نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>Fix: residual connections</source>
        <translation>راه‌حل: اتصال‌های باقی‌مانده</translation>
    </message>
    <message>
        <source>A residual connection adds a layer&apos;s input to its output, a = f(z) + x, so the gradient has a path that skips every multiplication by a small derivative. The same deep sigmoid net, on the same data at the same learning rate of 0.1, now learns in every layer, in batches of 32 instead of 16 to steady its steps. It learns slowly: every sigmoid output is positive, so the residual sums grow with depth and the output layer&apos;s inputs are large and move together. A larger rate overshoots (at 1.5 the first step throws the loss from 3.8 to about 38), so it takes about 2,400 steps, while without residuals the net stays at chance however long it trains.</source>
        <translation>اتصال باقی‌مانده ورودی یک لایه را به خروجی‌اش می‌افزاید، ⁦a = f(z) + x⁩، پس گرادیان راهی دارد که از همهٔ ضرب‌ها در مشتق‌های کوچک می‌گذرد. همان شبکهٔ عمیق sigmoid، روی همان داده و با همان نرخ یادگیری ۰٫۱، اکنون در همهٔ لایه‌ها یاد می‌گیرد، با دسته‌های ۳۲ به جای ۱۶ تا گام‌هایش آرام‌تر باشند. کند یاد می‌گیرد: همهٔ خروجی‌های sigmoid مثبت‌اند، پس جمع‌های باقی‌مانده با عمق بزرگ می‌شوند و ورودی‌های لایهٔ خروجی بزرگ‌اند و با هم حرکت می‌کنند. نرخ بزرگ‌تر از هدف می‌گذرد (با ۱٫۵ نخستین گام زیان را از ۳٫۸ به حدود ۳۸ پرتاب می‌کند)، پس حدود ۲٬۴۰۰ گام طول می‌کشد، در حالی که شبکهٔ بی‌اتصال باقی‌مانده هر قدر هم آموزش ببیند در حد شانس می‌ماند.</translation>
    </message>
    <message>
        <source>The first layers&apos; gradients staying within reach of the last layers&apos;; the health strip green; the loss falling from its start without a spike; the test accuracy wandering near chance for a thousand steps, then climbing above 95% around step 2,400, while the net without residuals stays at 50%.</source>
        <translation>گرادیان‌های لایه‌های نخست که نزدیک گرادیان‌های لایه‌های آخر می‌مانند؛ نوار سلامت سبز؛ زیانی که از آغاز بی‌جهش پایین می‌آید؛ دقت آزمون که هزار گام نزدیک شانس پرسه می‌زند و سپس حدود گام ۲٬۴۰۰ از ۹۵٪ بالاتر می‌رود، در حالی که شبکهٔ بی‌اتصال باقی‌مانده در ۵۰٪ می‌ماند.</translation>
    </message>
    <message>
        <source>without residuals</source>
        <translation>بدون اتصال باقی‌مانده</translation>
    </message>
    <message>
        <source>Fix: gradient clipping</source>
        <translation>راه‌حل: بریدن گرادیان</translation>
    </message>
    <message>
        <source>The global gradient norm starting far above the limit and falling below it; the loss going down and staying finite; without clipping the run diverges within five steps.</source>
        <translation>نرم کلی گرادیان که بسیار بالاتر از حد آغاز می‌شود و به زیر آن می‌رسد؛ زیان که پایین می‌آید و متناهی می‌ماند؛ بدون بریدن، اجرا در کمتر از پنج گام واگرا می‌شود.</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>بدون بریدن</translation>
    </message>
    <message>
        <source>Dropout against overfitting</source>
        <translation>حذف تصادفی در برابر بیش‌برازش</translation>
    </message>
    <message>
        <source>Each first-layer neuron has 64 weights, one per pixel of an 8x8 digit: drawn as an image they show the strokes the neuron responds to. The weights start at a tenth of the usual scale, so what the images show after training is what was learned, not the random start. One hidden layer of 32 tanh units reaches over 95% test accuracy on the ten digits.</source>
        <translation>هر نورونِ لایهٔ اول ۶۴ وزن دارد، یکی برای هر پیکسلِ یک رقم ۸×۸: اگر به شکل تصویر رسم شوند، خط‌هایی را نشان می‌دهند که نورون به آن‌ها پاسخ می‌دهد. وزن‌ها از یک‌دهمِ مقیاس معمول شروع می‌شوند، پس آنچه تصویرها پس از آموزش نشان می‌دهند همان است که آموخته شده، نه نقطهٔ شروع تصادفی. یک لایهٔ پنهان با ۳۲ واحد tanh روی ده رقم به دقت آزمونِ بیش از ۹۵٪ می‌رسد.</translation>
    </message>
    <message>
        <source>The first-layer weight images turning from noise into smooth blobs and strokes (their colour scale only grows, so the learned weights are seen to grow darker); the confusion matrix.</source>
        <translation>تصویرهای وزن لایهٔ اول که از نویز به لکه‌های نرم و خط‌ها تبدیل می‌شوند (مقیاس رنگشان فقط بزرگ‌تر می‌شود، پس تیره‌تر شدن وزن‌های آموخته‌شده دیده می‌شود)؛ ماتریس درهم‌ریختگی.</translation>
    </message>
    <message>
        <source>All-zero initial weights: every unit the same</source>
        <translation>وزن‌های اولیهٔ همه صفر: همهٔ واحدها یکسان</translation>
    </message>
    <message>
        <source>When every weight starts at zero, all hidden units of a layer compute the same output and receive the same gradient, so each update changes them identically. After 300 steps the six sigmoid units still have identical incoming weights, the layer acts as one unit, and the circle stays unsolved. Random (Xavier) initial weights break the symmetry and the same net fits the circle.</source>
        <translation>وقتی همهٔ وزن‌ها از صفر آغاز شوند، همهٔ واحدهای پنهانِ یک لایه خروجی یکسانی حساب می‌کنند و گرادیان یکسانی می‌گیرند، پس هر به‌روزرسانی آن‌ها را دقیقاً یکسان تغییر می‌دهد. پس از ۳۰۰ گام، شش واحد sigmoid هنوز وزن‌های ورودی یکسانی دارند، لایه مانند یک واحد رفتار می‌کند و دایره حل‌نشده می‌ماند. وزن‌های اولیهٔ تصادفی (Xavier) این تقارن را می‌شکنند و همین شبکه دایره را برازش می‌کند.</translation>
    </message>
    <message>
        <source>In the inspector, every hidden neuron showing the same weights and the same heatmap; the test accuracy near 50% while the Xavier run climbs above 90%.</source>
        <translation>در بازبین، همهٔ نورون‌های پنهان وزن‌ها و نقشهٔ حرارتی یکسانی نشان می‌دهند؛ دقت آزمون نزدیک به ۵۰٪ می‌ماند، در حالی که اجرای Xavier از ۹۰٪ بالاتر می‌رود.</translation>
    </message>
    <message>
        <source>Xavier initialisation</source>
        <translation>مقداردهی اولیهٔ Xavier</translation>
    </message>
    <message>
        <source>Dying ReLU units</source>
        <translation>واحدهای ReLU که می‌میرند</translation>
    </message>
    <message>
        <source>A ReLU unit whose input is negative for every training point outputs 0 and has derivative 0, so no gradient reaches its weights and it never comes back. At a learning rate of 3.0 large updates push many first-layer units there: after 200 steps at least 40% of them are dead. Leaky ReLU keeps a slope of 0.01 below zero, so none of its units is ever cut off.</source>
        <translation>واحد ReLU که ورودی‌اش برای همهٔ نقطه‌های آموزشی منفی باشد، خروجی ۰ و مشتق ۰ دارد؛ پس هیچ گرادیانی به وزن‌هایش نمی‌رسد و هرگز برنمی‌گردد. با نرخ یادگیری 3.0، به‌روزرسانی‌های بزرگ بسیاری از واحدهای لایهٔ اول را به آن‌جا می‌رانند: پس از ۲۰۰ گام دست‌کم ۴۰٪ آن‌ها مرده‌اند. Leaky ReLU زیر صفر شیبی برابر 0.01 نگه می‌دارد، پس هیچ‌یک از واحدهایش هرگز قطع نمی‌شود.</translation>
    </message>
    <message>
        <source>The health strip flagging the first layer dead; in the activation view, its units&apos; pre-activations left of zero where the derivative is 0.</source>
        <translation>نوار سلامت لایهٔ اول را مرده نشان می‌دهد؛ در نمای فعال‌سازی، پیش‌فعال‌سازی واحدهای آن سمت چپ صفر است، جایی که مشتق ۰ است.</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Momentum in a narrow valley</source>
        <translation>تکانه در یک درهٔ باریک</translation>
    </message>
    <message>
        <source>With inputs of very different scales (x1, x2 and x1 squared, unscaled) the loss is a long, narrow valley: the learning rate must be small for the steep sides, so plain SGD crawls along the flat floor. Momentum 0.9 adds up the steps that keep pointing the same way and reaches plain SGD&apos;s final training loss in less than half of its 200 steps.</source>
        <translation>با ورودی‌هایی در مقیاس‌های بسیار متفاوت (x1، x2 و مربع x1، بدون مقیاس‌بندی)، زیان یک درهٔ دراز و باریک است: نرخ یادگیری به خاطر دیواره‌های پرشیب باید کوچک باشد، پس SGD ساده در کف تخت دره به‌کندی پیش می‌رود. تکانهٔ 0.9 گام‌هایی را که پیوسته به یک سو اشاره می‌کنند با هم جمع می‌کند و در کمتر از نیمی از ۲۰۰ گام به زیان آموزش نهاییِ SGD ساده می‌رسد.</translation>
    </message>
    <message>
        <source>The two loss curves on the log axis: in the second hundred steps momentum&apos;s falls by orders of magnitude while plain SGD&apos;s levels off.</source>
        <translation>دو منحنی زیان روی محور لگاریتمی: در صد گام دوم، منحنی تکانه چندین مرتبهٔ بزرگی پایین می‌آید، در حالی که منحنی SGD ساده هموار می‌ماند.</translation>
    </message>
    <message>
        <source>The test accuracy of the two runs, and how each decision boundary lies around the 20 training points.</source>
        <translation>دقت آزمون دو اجرا، و اینکه مرز تصمیم هر کدام چگونه پیرامون ۲۰ نقطهٔ آموزشی قرار می‌گیرد.</translation>
    </message>
    <message>
        <source>plain SGD</source>
        <translation>SGD ساده</translation>
    </message>
    <message>
        <source>Compare the gradient-norm lines with the vanishing lesson: now they stay together, and the test accuracy climbs, unevenly: it first passes 90% before step 170, and from step 120 on swings between about 50% and 100%, near 80% on average, while the sigmoid net stays at 50%.</source>
        <translation>خط‌های نرم گرادیان را با درس گرادیان محوشونده مقایسه کنید: اکنون کنار هم می‌مانند و دقت آزمون ناهموار بالا می‌رود: پیش از گام ۱۷۰ نخستین بار از ۹۰٪ می‌گذرد و از گام ۱۲۰ به بعد میان حدود ۵۰٪ و ۱۰۰٪ نوسان می‌کند، به‌طور میانگین نزدیک ۸۰٪، در حالی که شبکهٔ sigmoid در ۵۰٪ می‌ماند.</translation>
    </message>
    <message>
        <source>Batch size: one example against all</source>
        <translation>اندازهٔ دسته: یک نمونه در برابر همه</translation>
    </message>
    <message>
        <source>With a batch of one, each update follows the gradient of a single training point, which often points elsewhere than the average. The loss curve jumps from step to step: over the same 500 examples seen, its step-to-step changes vary more than three times as much as those of the full-batch run, which averages all 50 points in every step.</source>
        <translation>با دسته‌ای تک‌نمونه‌ای، هر به‌روزرسانی گرادیانِ تنها یک نقطهٔ آموزشی را دنبال می‌کند که اغلب به سویی جز میانگین اشاره دارد. منحنی زیان از گامی به گام دیگر می‌پرد: با دیدن همان ۵۰۰ نمونه، تغییرات گام‌به‌گام آن بیش از سه برابرِ اجرای دستهٔ کامل نوسان دارد که در هر گام میانگین هر ۵۰ نقطه را می‌گیرد.</translation>
    </message>
    <message>
        <source>The jagged batch-1 loss curve against the smooth full-batch curve; the decision boundary twitching with every point.</source>
        <translation>منحنی زیانِ دندانه‌دار با دستهٔ تک‌نمونه‌ای در برابر منحنی هموار دستهٔ کامل؛ مرز تصمیم که با هر نقطه تکان می‌خورد.</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>دستهٔ کامل</translation>
    </message>
    <message>
        <source>Learning-rate decay</source>
        <translation>کاهش نرخ یادگیری</translation>
    </message>
    <message>
        <source>A large learning rate makes fast progress at first but then keeps overshooting, so the loss bounces instead of settling. Exponential decay halves the rate every 100 steps, from 3.0 down to 0.19 at step 400: the steps shrink as the minimum comes near, and the run ends with a far lower training loss than the same net at a constant 3.0.</source>
        <translation>نرخ یادگیری بزرگ در آغاز پیشرفت تندی دارد، اما پس از آن پیوسته از هدف می‌گذرد، پس زیان به جای آرام گرفتن بالا و پایین می‌جهد. کاهش نمایی نرخ را هر ۱۰۰ گام نصف می‌کند، از 3.0 تا 0.19 در گام ۴۰۰: گام‌ها با نزدیک شدن به کمینه کوچک می‌شوند و اجرا با زیان آموزشی بسیار کمتر از همین شبکه با نرخ ثابت 3.0 به پایان می‌رسد.</translation>
    </message>
    <message>
        <source>The learning-rate curve falling; the loss curve calming down, while the constant-rate run keeps jumping.</source>
        <translation>منحنی نرخ یادگیری که پایین می‌آید؛ منحنی زیان که آرام می‌گیرد، در حالی که اجرای با نرخ ثابت همچنان می‌جهد.</translation>
    </message>
    <message>
        <source>constant rate 3.0</source>
        <translation>نرخ ثابت 3.0</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>افزایش داده</translation>
    </message>
    <message>
        <source>With only 20 training points a large network fits them exactly and draws a boundary that follows their chance positions. Augmentation trains on jittered copies instead, each epoch moving every point by noise of 0.3 times the data&apos;s spread, so the net must give the whole neighbourhood the point&apos;s class. Its test accuracy is at least 5 points higher.</source>
        <translation>با تنها ۲۰ نقطهٔ آموزشی، شبکه‌ای بزرگ آن‌ها را دقیقاً برازش می‌کند و مرزی می‌کشد که جای تصادفی آن‌ها را دنبال می‌کند. افزایش داده به جای آن روی رونوشت‌هایی لرزانده‌شده آموزش می‌دهد: در هر دوره هر نقطه با نویزی به اندازهٔ 0.3 برابر پراکندگی داده‌ها جابه‌جا می‌شود، پس شبکه باید به کل همسایگیِ نقطه همان دسته را بدهد. دقت آزمون آن دست‌کم ۵ واحد درصد بیشتر است.</translation>
    </message>
    <message>
        <source>no augmentation</source>
        <translation>بدون افزایش داده</translation>
    </message>
    <message>
        <source>Fix: a smaller learning rate</source>
        <translation>راه‌حل: نرخ یادگیری کوچک‌تر</translation>
    </message>
    <message>
        <source>The exploding-init net starts with the same huge gradients at any learning rate, but the size of the first updates is the rate times the gradient. At 0.01 instead of 0.2 the updates stay small enough that the gradients shrink instead of growing, and the net trains for all 200 steps without a NaN.</source>
        <translation>شبکهٔ درس گرادیان انفجاری با هر نرخ یادگیری با همان گرادیان‌های عظیم آغاز می‌کند، اما اندازهٔ نخستین به‌روزرسانی‌ها برابر نرخ ضرب در گرادیان است. با 0.01 به جای 0.2، به‌روزرسانی‌ها چنان کوچک می‌مانند که گرادیان‌ها به جای بزرگ شدن کوچک می‌شوند و شبکه در هر ۲۰۰ گام بی هیچ NaN آموزش می‌بیند.</translation>
    </message>
    <message>
        <source>The global gradient norm starting above 1000 and falling; the loss staying finite, where the run at 0.2 diverges within five steps.</source>
        <translation>نرم کلی گرادیان که از بالای ۱۰۰۰ آغاز می‌شود و پایین می‌آید؛ زیان که متناهی می‌ماند، در حالی که اجرا با 0.2 در کمتر از پنج گام واگرا می‌شود.</translation>
    </message>
    <message>
        <source>learning rate 0.2</source>
        <translation>نرخ یادگیری 0.2</translation>
    </message>
    <message>
        <source>Fix: weight decay</source>
        <translation>راه‌حل: کاهش وزن</translation>
    </message>
    <message>
        <source>Weight decay shrinks every weight a little in each update. At the exploding-init lesson&apos;s rate of 0.2 the first update is too large for any decay, so this run uses 0.02, which still diverges within ten steps without decay. With a decay of 30 the weights are pulled in faster than the gradients push them out, and the run stays finite. The price: the weights are held so small that the net does not learn.</source>
        <translation>کاهش وزن (⁦weight decay⁩) در هر به‌روزرسانی همهٔ وزن‌ها را کمی کوچک می‌کند. با نرخ 0.2 درس گرادیان انفجاری، نخستین به‌روزرسانی برای هر مقدار کاهشی بیش از حد بزرگ است، پس این اجرا نرخ 0.02 را به کار می‌برد که بدون کاهش وزن همچنان در کمتر از ده گام واگرا می‌شود. با کاهش وزنِ ۳۰، وزن‌ها تندتر از آنچه گرادیان‌ها بیرونشان می‌رانند به درون کشیده می‌شوند و اجرا متناهی می‌ماند. بهای آن: وزن‌ها چنان کوچک نگه داشته می‌شوند که شبکه یاد نمی‌گیرد.</translation>
    </message>
    <message>
        <source>The global gradient norm falling from above 1000 to below 1 instead of overflowing; the test accuracy staying at 50%.</source>
        <translation>نرم کلی گرادیان که به جای سرریز کردن، از بالای ۱۰۰۰ به زیر ۱ می‌رسد؛ دقت آزمون که در ۵۰٪ می‌ماند.</translation>
    </message>
    <message>
        <source>no weight decay</source>
        <translation>بدون کاهش وزن</translation>
    </message>
    <message>
        <source>The update-to-weight ratio</source>
        <translation>نسبت به‌روزرسانی به وزن</translation>
    </message>
    <message>
        <source>The ratio of an update&apos;s size to the weights&apos; size, ||dW|| / ||W|| per layer, says how hard each step pushes; a rule of thumb wants it near 1e-3. With Adam at a rate of 0.002 every layer&apos;s ratio stays between 5e-4 and 5e-3 and the loss falls smoothly. At ten times that rate the ratios are three to six times larger, and the loss jumps up by more than 10% at dozens of steps.</source>
        <translation>نسبت اندازهٔ به‌روزرسانی به اندازهٔ وزن‌ها، ‎||dW|| / ||W||‎ برای هر لایه، نشان می‌دهد هر گام چقدر محکم هُل می‌دهد؛ یک قاعدهٔ سرانگشتی آن را نزدیک 1e-3 می‌خواهد. با Adam و نرخ 0.002 نسبت همهٔ لایه‌ها میان 5e-4 و 5e-3 می‌ماند و زیان به‌نرمی پایین می‌آید. با ده برابر این نرخ، نسبت‌ها سه تا شش برابر بزرگ‌ترند و زیان در ده‌ها گام بیش از ۱۰٪ بالا می‌جهد.</translation>
    </message>
    <message>
        <source>The update-to-weight ratio per layer on its log axis, against the 1e-3 line; the smooth loss curve against the jagged one of the faster run.</source>
        <translation>نسبت به‌روزرسانی به وزن برای هر لایه روی محور لگاریتمی، در برابر خط 1e-3؛ منحنی زیان هموار در برابر منحنی دندانه‌دار اجرای تندتر.</translation>
    </message>
    <message>
        <source>learning rate 0.02</source>
        <translation>نرخ یادگیری 0.02</translation>
    </message>
    <message>
        <source>With a rate too large each update overshoots the minimum and lands higher on the other side. At 5.0 the first updates throw the loss far above where it started, the weights grow until the tanh units saturate and pass almost no gradient, and for 100 steps the loss jumps up and down while, after the first few steps, the test accuracy stays at 50% (chance). At 0.5 the same net fits the circle in the same 100 steps.</source>
        <translation>با نرخی بیش از حد بزرگ، هر به‌روزرسانی از کمینه می‌گذرد و در سوی دیگر، بالاتر فرود می‌آید. با نرخ 5.0 نخستین به‌روزرسانی‌ها زیان را بسیار بالاتر از نقطهٔ شروع پرتاب می‌کنند، وزن‌ها آن‌قدر بزرگ می‌شوند که واحدهای tanh اشباع شوند و تقریباً هیچ گرادیانی را عبور ندهند، و در طول ۱۰۰ گام زیان بالا و پایین می‌پرد و پس از چند گام نخست، دقت آزمون در ۵۰٪ (حد شانس) می‌ماند. با نرخ 0.5 همین شبکه دایره را در همان ۱۰۰ گام برازش می‌کند.</translation>
    </message>
    <message>
        <source>The loss curve jumping up and down far above its start instead of falling; the health strip flagging both hidden layers vanishing as their units saturate; the test accuracy stuck at 50%.</source>
        <translation>منحنی زیان که به جای پایین آمدن، بسیار بالاتر از نقطهٔ شروع بالا و پایین می‌پرد؛ نوار سلامت که هر دو لایهٔ پنهان را با اشباع شدن واحدهایشان محوشونده نشان می‌دهد؛ دقت آزمون که در ۵۰٪ گیر کرده است.</translation>
    </message>
    <message>
        <source>learning rate 0.5</source>
        <translation>نرخ یادگیری 0.5</translation>
    </message>
    <message>
        <source>ReLU&apos;s derivative is 1 for active units, and He initialisation scales the weights so the signal keeps its size through each layer. The deep net of the vanishing lesson (same data, same eight hidden layers, same learning rate) now learns in every layer. It takes batches of 32 instead of 16, because ReLU&apos;s unbounded outputs make the loss of small batches at this rate jump now and then.</source>
        <translation>مشتق ReLU برای واحدهای فعال برابر ۱ است و مقداردهی اولیهٔ He وزن‌ها را چنان مقیاس می‌کند که سیگنال در گذر از هر لایه اندازه‌اش را حفظ کند. شبکهٔ عمیقِ درس گرادیان محوشونده (همان داده، همان هشت لایهٔ پنهان، همان نرخ یادگیری) اکنون در همهٔ لایه‌ها یاد می‌گیرد. اندازهٔ دسته‌ها به جای ۱۶، ۳۲ است، چون خروجی‌های بی‌کران ReLU باعث می‌شوند زیانِ دسته‌های کوچک با این نرخ گاه‌به‌گاه جهش کند.</translation>
    </message>
    <message>
        <source>Batch norm re-centres and re-scales each layer&apos;s pre-activations over the mini-batch, keeping the sigmoid units in their steep middle range and rescaling the gradient on the way back. The same deep sigmoid net, with the same training, now learns in every layer. Each epoch&apos;s last two rows join the batch before them: a batch of two would normalise every unit to exactly -1 and +1 and pass no gradient to the weights.</source>
        <translation>نرمال‌سازی دسته‌ای پیش‌فعال‌سازی‌های هر لایه را روی دستهٔ کوچک دوباره مرکزی و مقیاس می‌کند، واحدهای sigmoid را در بازهٔ میانیِ پرشیبشان نگه می‌دارد و گرادیان را در مسیر بازگشت دوباره مقیاس می‌کند. همان شبکهٔ عمیق sigmoid، با همان آموزش، اکنون در همهٔ لایه‌ها یاد می‌گیرد. دو سطر آخرِ هر دوره به دستهٔ پیش از خود می‌پیوندند: دسته‌ای دوتایی هر واحد را دقیقاً به ‎-1‎ و ‎+1‎ نرمال می‌کند و هیچ گرادیانی به وزن‌ها نمی‌رساند.</translation>
    </message>
    <message>
        <source>Clipping rescales the whole gradient whenever its global norm exceeds a limit (here 2), so one huge gradient cannot throw the weights far away. The net, data and learning rate of the exploding-init lesson (not those of the vanishing lesson: it fixes that lesson&apos;s explosion) start with the same huge gradients, but the capped steps bring them down, and it trains instead of diverging.</source>
        <translation>بریدن گرادیان، هر گاه نرم کلی گرادیان از حدی (اینجا ۲) بیشتر شود، کل گرادیان را کوچک می‌کند تا یک گرادیان عظیم نتواند وزن‌ها را به جای دوری پرتاب کند. شبکه، داده و نرخ یادگیریِ درس گرادیان انفجاری (نه درس گرادیان محوشونده: این راه‌حلِ انفجارِ آن درس است) با همان گرادیان‌های عظیم آغاز می‌کنند، اما گام‌های محدودشده آن‌ها را پایین می‌آورند و شبکه به جای واگرا شدن آموزش می‌بیند.</translation>
    </message>
    <message>
        <source>A large network trained on a few noisy points memorises them: the training loss falls toward zero while the test loss climbs. Dropout silences a random half of the hidden units in each step, so no unit can rely on another: the gap between the curves shrinks and the test accuracy ends about 7 points higher.</source>
        <translation>شبکه‌ای بزرگ که روی چند نقطهٔ پرنویز آموزش ببیند آن‌ها را حفظ می‌کند: زیان آموزش به سوی صفر می‌رود و زیان آزمون بالا می‌رود. حذف تصادفی (⁦dropout⁩) در هر گام نیمی از واحدهای پنهان را به تصادف خاموش می‌کند، پس هیچ واحدی نمی‌تواند به واحد دیگری تکیه کند: فاصلهٔ دو منحنی کم می‌شود و دقت آزمون در پایان حدود ۷ واحد درصد بالاتر است.</translation>
    </message>
    <message>
        <source>The gap between the train and test loss curves, with and without dropout; without it the boundary wraps around single noisy points.</source>
        <translation>فاصلهٔ منحنی‌های زیان آموزش و آزمون، با حذف تصادفی و بدون آن؛ بدون آن، مرز دور تک‌تک نقطه‌های پرنویز می‌پیچد.</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>بدون حذف تصادفی</translation>
    </message>
    <message>
        <source>L2 regularisation against overfitting</source>
        <translation>منظم‌سازی L2 در برابر بیش‌برازش</translation>
    </message>
    <message>
        <source>The L2 penalty adds rate x sum(w^2) to the loss, so every update also shrinks the weights. The boundary stays smooth instead of wrapping around each noisy point: the test loss stays close to the training loss, and the test accuracy is higher than without the penalty.</source>
        <translation>جریمهٔ L2 مقدار ⁦rate x sum(w^2)⁩ را به زیان می‌افزاید، پس هر به‌روزرسانی وزن‌ها را کمی کوچک هم می‌کند. مرز به جای پیچیدن دور هر نقطهٔ پرنویز هموار می‌ماند: زیان آزمون نزدیک به زیان آموزش می‌ماند و دقت آزمون از حالت بدون جریمه بیشتر است.</translation>
    </message>
    <message>
        <source>The train/test gap and the smoother boundary, with and without the penalty.</source>
        <translation>فاصلهٔ آموزش و آزمون و مرز هموارتر، با جریمه و بدون آن.</translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation>بدون جریمه</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>توقف زودهنگام</translation>
    </message>
    <message>
        <source>When a model starts to overfit, the test loss reaches a minimum and turns up while the training loss keeps falling. Stopping at that minimum keeps the best model; here it comes within the first hundred steps, and the test loss climbs for the rest of the run.</source>
        <translation>وقتی مدلی بیش‌برازش را آغاز می‌کند، زیان آزمون به کمینه‌ای می‌رسد و رو به بالا برمی‌گردد، در حالی که زیان آموزش همچنان پایین می‌رود. توقف در آن کمینه بهترین مدل را نگه می‌دارد؛ اینجا کمینه در صد گام نخست می‌آید و زیان آزمون در بقیهٔ اجرا بالا می‌رود.</translation>
    </message>
    <message>
        <source>The marker at the best test loss, long before the end of training; turn on early stopping to halt there.</source>
        <translation>نشانه‌ای روی بهترین زیان آزمون، بسیار پیش از پایان آموزش؛ توقف زودهنگام را روشن کنید تا آموزش همان‌جا بایستد.</translation>
    </message>
    <message>
        <source>Three classes with softmax</source>
        <translation>سه دسته با softmax</translation>
    </message>
    <message>
        <source>A softmax output turns three scores into probabilities that sum to one; cross-entropy pushes up the probability of the right class. The spiral&apos;s three arms need a curved boundary, which two hidden layers of 32 ReLU units learn.</source>
        <translation>خروجی softmax سه امتیاز را به احتمال‌هایی تبدیل می‌کند که جمعشان یک است؛ آنتروپی متقاطع احتمال دستهٔ درست را بالا می‌برد. سه بازوی مارپیچ به مرزی خمیده نیاز دارند که دو لایهٔ پنهان با ۳۲ واحد ReLU آن را یاد می‌گیرند.</translation>
    </message>
    <message>
        <source>The three colored regions winding along the arms; the output neurons&apos; probabilities.</source>
        <translation>سه ناحیهٔ رنگی که در امتداد بازوها می‌پیچند؛ احتمال‌های نورون‌های خروجی.</translation>
    </message>
    <message>
        <source>Regression: house price from size</source>
        <translation>رگرسیون: قیمت خانه بر حسب متراژ</translation>
    </message>
    <message>
        <source>Predicting a number instead of a class: one input (the size), one linear output (the price), and the mean squared error. Without hidden layers this is linear regression trained by gradient descent.</source>
        <translation>پیش‌بینی یک عدد به جای یک دسته: یک ورودی (متراژ)، یک خروجی خطی (قیمت) و میانگین مربعات خطا. بدون لایهٔ پنهان، این همان رگرسیون خطی است که با کاهش گرادیان آموزش می‌بیند.</translation>
    </message>
    <message>
        <source>The prediction line settling on the data, and the loss falling to the noise level.</source>
        <translation>خط پیش‌بینی که روی داده‌ها می‌نشیند، و زیان که تا سطح نویز پایین می‌آید.</translation>
    </message>
    <message>
        <source>Handwritten digits: what the first layer learns</source>
        <translation>رقم‌های دست‌نویس: لایهٔ اول چه یاد می‌گیرد</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Shows its effect within about {steps} steps (lesson id {id}).</source>
        <translation>اثرش را در حدود {steps} گام نشان می‌دهد (شناسهٔ درس: {id}).</translation>
    </message>
    <message>
        <source>Watch:</source>
        <translation>به این نگاه کنید:</translation>
    </message>
    <message>
        <source>Compare with: {label}.</source>
        <translation>مقایسه با: {label}.</translation>
    </message>
    <message>
        <source>Built-in lessons: select one to read it, double-click or Load to set it up</source>
        <translation>درس‌های آماده: یکی را برای خواندن برگزینید؛ با دوبار کلیک یا «بارگذاری» آماده‌اش کنید</translation>
    </message>
    <message>
        <source>{title} ({id})

Watch: {watch}</source>
        <translation>{title} ({id})

به این نگاه کنید: {watch}</translation>
    </message>
    <message>
        <source>What the lesson shows and what to watch while it runs</source>
        <translation>آنچه درس نشان می‌دهد و آنچه هنگام اجرا باید زیر نظر داشت</translation>
    </message>
    <message>
        <source>Load lesson</source>
        <translation>بارگذاری درس</translation>
    </message>
    <message>
        <source>Set up data, network and training for the selected lesson (step 0)</source>
        <translation>داده، شبکه و آموزش را برای درس برگزیده آماده کن (گام ۰)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Switch the current lesson to its comparison run and back</source>
        <translation>درس کنونی را به اجرای مقایسه‌ای‌اش ببر و برگردان</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>کنار هم</translation>
    </message>
    <message>
        <source>Open the selected lesson and its comparison as runs side by side, stepped together</source>
        <translation>درس برگزیده و اجرای مقایسه‌ای آن را کنار هم باز کن تا با هم گام بردارند</translation>
    </message>
    <message>
        <source>The experiment has been changed from this lesson ({0}), so the text below may no longer hold. Load the lesson again to get its setup back.</source>
        <translation>آزمایش نسبت به این درس ({0}) تغییر کرده است، پس ممکن است متن زیر دیگر درست نباشد. برای بازگرداندن تنظیمات درس، آن را دوباره بار کنید.</translation>
    </message>
    <message>
        <source>Compare: {0}</source>
        <translation>مقایسه: {0}</translation>
    </message>
</context>
<context>
    <name>LossCurvesView</name>
    <message>
        <source>train loss</source>
        <translation>زیان آموزش</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>زیان آزمون</translation>
    </message>
    <message>
        <source>best: step {value:.0f}</source>
        <translation>بهترین: گام {value:.0f}</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>واگرا</translation>
    </message>
    <message>
        <source>step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>زیان (مقیاس لگاریتمی)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>What the current phase computes</source>
        <translation>آنچه مرحلهٔ کنونی حساب می‌کند</translation>
    </message>
    <message>
        <source>Gradient health of each layer from the latest step; hover a chip for the thresholds</source>
        <translation>سلامت گرادیان هر لایه در واپسین گام؛ برای آستانه‌ها نشانگر را روی یک برچسب نگه دارید</translation>
    </message>
    <message>
        <source>gradient norm per layer</source>
        <translation>نرم گرادیان در هر لایه</translation>
    </message>
    <message>
        <source>‖dL/dW‖ of each layer at every step, log scale: vanishing gradients put the first layers&apos; lines far below the last</source>
        <translation>⁦‖dL/dW‖⁩ هر لایه در هر گام، با مقیاس لگاریتمی: گرادیان‌های محوشونده خط لایه‌های نخست را بسیار پایین‌تر از لایه‌های آخر می‌گذارند</translation>
    </message>
    <message>
        <source>this step&apos;s gradients</source>
        <translation>گرادیان‌های این گام</translation>
    </message>
    <message>
        <source>Histogram of log10 |dL/dW| per layer for the step shown (layers appear as backward reaches them)</source>
        <translation>بافت‌نگار ⁦log10 |dL/dW|⁩ هر لایه برای گام نمایش‌داده‌شده (لایه‌ها با رسیدن گذر رو به عقب پدیدار می‌شوند)</translation>
    </message>
    <message>
        <source>The data (train filled, test hollow) over the model&apos;s output: the decision boundary, or the regression surface</source>
        <translation>داده (آموزش توپر، آزمون توخالی) روی خروجی مدل: مرز تصمیم، یا سطح رگرسیون</translation>
    </message>
    <message>
        <source>The data and the network&apos;s prediction</source>
        <translation>داده و پیش‌بینی شبکه</translation>
    </message>
    <message>
        <source>The training data at the outputs of two neurons of a hidden layer: watch a layer pull the classes apart while it trains</source>
        <translation>دادهٔ آموزشی در خروجی‌های دو نورون از یک لایهٔ پنهان: ببینید لایه هنگام آموزش رده‌ها را چگونه از هم جدا می‌کند</translation>
    </message>
    <message>
        <source>Train (solid) and test (dashed) loss after every step; the marker is the best test loss (early stopping)</source>
        <translation>زیان آموزش (توپر) و آزمون (خط‌چین) پس از هر گام؛ نشانگر بهترین زیان آزمون است (توقف زودهنگام)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>درس‌ها</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>بازبین</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Data and output</source>
        <translation>داده و خروجی</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>Feature space</source>
        <translation>فضای ویژگی</translation>
    </message>
    <message>
        <source>Loss and accuracy on the whole training and test sets after the latest update (evaluation mode)</source>
        <translation>زیان و دقت روی کل مجموعه‌های آموزش و آزمون پس از واپسین به‌روزرسانی (حالت ارزیابی)</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>Opening a PyTorch file needs torch: pip install &apos;nnviz[torch]&apos;</source>
        <translation>باز کردن پروندهٔ PyTorch به torch نیاز دارد: pip install &apos;nnviz[torch]&apos;</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>توابع فعال‌سازی</translation>
    </message>
    <message>
        <source>%1 has %2 Linear layers. Activation after each, comma-separated
(sigmoid, tanh, relu, leaky_relu, prelu, elu, softmax, linear):</source>
        <translation>%1 دارای %2 لایهٔ Linear است. تابع فعال‌سازی پس از هر کدام، جداشده با ویرگول
(sigmoid, tanh, relu, leaky_relu, prelu, elu, softmax, linear):</translation>
    </message>
    <message>
        <source>no activations given</source>
        <translation>هیچ تابع فعال‌سازی‌ای داده نشده است</translation>
    </message>
    <message>
        <source>not a state_dict but pickled Python objects (a whole module?); loading it would run code from the file. Save model.state_dict() instead</source>
        <translation>⁦state_dict⁩ نیست، بلکه اشیای پیکل‌شدهٔ ⁦Python⁩ است (یک ماژول کامل؟)؛ بارگذاری آن کدی از پرونده را اجرا می‌کند. به‌جای آن ⁦model.state_dict()⁩ را ذخیره کنید</translation>
    </message>
    <message>
        <source>not a PyTorch file: {error}</source>
        <translation>پروندهٔ ⁦PyTorch⁩ نیست: {error}</translation>
    </message>
    <message>
        <source>cannot be read as a PyTorch file: {error}</source>
        <translation>نمی‌توان آن را به‌عنوان پروندهٔ ⁦PyTorch⁩ خواند: {error}</translation>
    </message>
    <message>
        <source>holds a {type}, not a state_dict (a mapping of parameter names to tensors)</source>
        <translation>یک {type} در خود دارد، نه یک ⁦state_dict⁩ (نگاشتی از نام پارامترها به تانسورها)</translation>
    </message>
    <message>
        <source>is not a tensor: a state_dict maps names to tensors</source>
        <translation>تانسور نیست: یک ⁦state_dict⁩ نام‌ها را به تانسورها نگاشت می‌کند</translation>
    </message>
    <message>
        <source>batch-norm statistics that do not follow a Linear</source>
        <translation>آماره‌های نرمال‌سازی دسته‌ای که پس از یک لایهٔ ⁦Linear⁩ نیامده‌اند</translation>
    </message>
    <message>
        <source>takes {inputs} inputs after a layer of {outputs}</source>
        <translation>{inputs} ورودی می‌گیرد، اما پس از لایه‌ای با {outputs} خروجی آمده است</translation>
    </message>
    <message>
        <source>tensors {names} are not those of a Linear, BatchNorm1d or PReLU</source>
        <translation>تانسورهای {names} از آنِ یک ⁦Linear⁩، ⁦BatchNorm1d⁩ یا ⁦PReLU⁩ نیستند</translation>
    </message>
    <message>
        <source>has no Linear weights (2-D &apos;weight&apos; tensors)</source>
        <translation>هیچ وزن ⁦Linear⁩ ندارد (تانسورهای دوبعدی ⁦&apos;weight&apos;⁩)</translation>
    </message>
    <message>
        <source>has {linears} Linear layers; --activations names {count} ({names}): give one per Linear</source>
        <translation>{linears} لایهٔ ⁦Linear⁩ دارد؛ ⁦--activations⁩ {count} تابع فعال‌سازی نام می‌برد ({names}): برای هر ⁦Linear⁩ یکی بدهید</translation>
    </message>
    <message>
        <source>is not a tensor of such a layer</source>
        <translation>تانسوری از چنین لایه‌ای نیست</translation>
    </message>
    <message>
        <source>has shape {shape}, expected {expected}</source>
        <translation>شکل {shape} دارد، در حالی که {expected} انتظار می‌رفت</translation>
    </message>
    <message>
        <source>has more Linear layers than the {count} activations given</source>
        <translation>بیش از {count} تابع فعال‌سازی داده‌شده لایهٔ ⁦Linear⁩ دارد</translation>
    </message>
    <message>
        <source>activation {name} is not one of {names}</source>
        <translation>تابع فعال‌سازی {name} یکی از {names} نیست</translation>
    </message>
    <message>
        <source>Linear {linear}: activation {name}, but the file has PReLU slopes there</source>
        <translation>⁦Linear⁩ {linear}: تابع فعال‌سازی {name} است، اما پرونده آنجا شیب‌های ⁦PReLU⁩ دارد</translation>
    </message>
    <message>
        <source>Linear {linear}: activation {name}, but the file has no PReLU slopes</source>
        <translation>⁦Linear⁩ {linear}: تابع فعال‌سازی {name} است، اما پرونده شیب‌های ⁦PReLU⁩ ندارد</translation>
    </message>
</context>
<context>
    <name>Narration</name>
    <message>
        <source>**Ready.** Press **→** to step through the first training step phase by phase, **Shift+→** for a whole step, **Space** to play.</source>
        <translation>**آماده.** با **→** نخستین گام آموزش را مرحله‌به‌مرحله پیش ببرید، با **⁦Shift+→⁩** یک گام کامل را، و با **Space** پخش کنید.</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>لایهٔ خروجی</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>لایهٔ {0}</translation>
    </message>
    <message>
        <source>, normalised over the batch, × γ + β</source>
        <translation>، نرمال‌شده روی دسته، ⁦× γ + β⁩</translation>
    </message>
    <message>
        <source>; dropout silences {0} of the units (greyed)</source>
        <translation>؛ حذف تصادفی ⁦{0}⁩ از واحدها را خاموش می‌کند (خاکستری)</translation>
    </message>
    <message>
        <source>Neurons show the batch mean.</source>
        <translation>نورون‌ها میانگین دسته را نشان می‌دهند.</translation>
    </message>
    <message>
        <source>Neurons show sample {0} of {1}.</source>
        <translation>نورون‌ها نمونهٔ {0} از {1} را نشان می‌دهند.</translation>
    </message>
    <message>
        <source>**Forward, {0}**: {1}{2}; {3}.</source>
        <translation>**رو به جلو، {0}**: ⁦{1}⁩{2}؛ ⁦{3}⁩.</translation>
    </message>
    <message>
        <source> (data {0} + penalty {1})</source>
        <translation> (داده ⁦{0}⁩ + جریمه ⁦{1}⁩)</translation>
    </message>
    <message>
        <source>**Loss** = {0} = **{1}**{2}, the mean over the mini-batch of {3} samples. Next, backward computes its gradient.</source>
        <translation>**زیان** = ⁦{0}⁩ = **⁦{1}⁩**{2}، میانگین روی دستهٔ کوچکِ {3} نمونه‌ای. سپس گذر رو به عقب گرادیان آن را حساب می‌کند.</translation>
    </message>
    <message>
        <source>{0} from the loss</source>
        <translation>⁦{0}⁩ از تابع زیان</translation>
    </message>
    <message>
        <source>**Backward, {0}**: {1}; {2}, {3} = **{4}**.</source>
        <translation>**رو به عقب، {0}**: {1}؛ ⁦{2}⁩، ⁦{3} = **{4}**⁩.</translation>
    </message>
    <message>
        <source>Edges: |dL/dW| on a log scale; neurons: δ.</source>
        <translation>یال‌ها: ⁦|dL/dW|⁩ در مقیاس لگاریتمی؛ نورون‌ها: δ.</translation>
    </message>
    <message>
        <source>Edges show the change Δw of each weight (log scale).</source>
        <translation>یال‌ها تغییر Δw هر وزن را نشان می‌دهند (مقیاس لگاریتمی).</translation>
    </message>
    <message>
        <source>Edges show the new weights.</source>
        <translation>یال‌ها وزن‌های تازه را نشان می‌دهند.</translation>
    </message>
    <message>
        <source>, gradient clipped to norm {0}</source>
        <translation>، گرادیان بریده‌شده به نرم ⁦{0}⁩</translation>
    </message>
    <message>
        <source>**Update**: {0} with {1}, lr {2}{3}.</source>
        <translation>**به‌روزرسانی**: ⁦{0}⁩ با {1}، نرخ یادگیری ⁦{2}⁩{3}.</translation>
    </message>
</context>
<context>
    <name>NetworkClicks</name>
    <message>
        <source>input {name}</source>
        <translation>ورودی {name}</translation>
    </message>
    <message>
        <source> = {value} (sample {sample}, standardized)</source>
        <translation> = {value} (نمونهٔ {sample}، استانداردشده)</translation>
    </message>
    <message>
        <source> (output)</source>
        <translation> (خروجی)</translation>
    </message>
    <message>
        <source> (dropped out this step)</source>
        <translation> (در این گام حذف‌شده)</translation>
    </message>
    <message>
        <source>  (sample {sample})</source>
        <translation>  (نمونهٔ {sample})</translation>
    </message>
    <message>
        <source>Inputs: choose the input features in Settings → Data</source>
        <translation>ورودی‌ها: ویژگی‌های ورودی را در تنظیمات ← داده برگزینید</translation>
    </message>
    <message>
        <source>The output layer follows from the data; its activation and the loss are in Settings</source>
        <translation>لایهٔ خروجی از داده پیروی می‌کند؛ فعال‌سازی آن و زیان در تنظیمات است</translation>
    </message>
    <message>
        <source>Layer {layer}: {units} × {activation}</source>
        <translation>لایهٔ {layer}: {units} × {activation}</translation>
    </message>
    <message>
        <source>Inspect this layer</source>
        <translation>بازبینی این لایه</translation>
    </message>
    <message>
        <source>Shapes, health and a gradient check of this layer in the inspector</source>
        <translation>شکل‌ها، سلامت و وارسی گرادیان این لایه در بازبین</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>نرمال‌سازی دسته‌ای</translation>
    </message>
    <message>
        <source>Normalize this layer&apos;s pre-activations over the mini-batch (rebuilds the network)</source>
        <translation>پیش‌فعال‌سازی‌های این لایه را روی دستهٔ کوچک نرمال کن (شبکه را از نو می‌سازد)</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>حذف تصادفی</translation>
    </message>
    <message>
        <source>off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>Residual connection</source>
        <translation>اتصال باقی‌مانده</translation>
    </message>
    <message>
        <source>{formula}; needs as many units as inputs ({units} units, {inputs} inputs)</source>
        <translation>{formula}؛ به همان شمار واحد که ورودی نیاز دارد ({units} واحد، {inputs} ورودی)</translation>
    </message>
    <message>
        <source>Add a neuron</source>
        <translation>افزودن یک نورون</translation>
    </message>
    <message>
        <source>Remove a neuron</source>
        <translation>حذف یک نورون</translation>
    </message>
    <message>
        <source>Insert a layer after this one</source>
        <translation>افزودن یک لایه پس از این لایه</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>حذف این لایه</translation>
    </message>
    <message>
        <source>Layers locked by the instructor</source>
        <translation>لایه‌ها را مدرس قفل کرده است</translation>
    </message>
    <message>
        <source>No point near the click to remove</source>
        <translation>نزدیک کلیک نقطه‌ای برای برداشتن نیست</translation>
    </message>
    <message>
        <source>Removed a point</source>
        <translation>یک نقطه برداشته شد</translation>
    </message>
    <message>
        <source>Added a point of {label}</source>
        <translation>یک نقطه از ردهٔ {label} افزوده شد</translation>
    </message>
    <message>
        <source>{what} at {where}: {count} points</source>
        <translation>{what} در {where}: {count} نقطه</translation>
    </message>
</context>
<context>
    <name>NetworkHeader</name>
    <message>
        <source>output</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>drop {0}</source>
        <translation>حذف {0}</translation>
    </message>
    <message>
        <source>+res</source>
        <translation>+باقی‌مانده</translation>
    </message>
    <message>
        <source>input</source>
        <translation>ورودی</translation>
    </message>
    <message>
        <source>{0} features</source>
        <translation>{0} ویژگی</translation>
    </message>
    <message>
        <source>loss {0}</source>
        <translation>زیان {0}</translation>
    </message>
</context>
<context>
    <name>NetworkLegend</name>
    <message>
        <source>weights</source>
        <translation>وزن‌ها</translation>
    </message>
    <message>
        <source>color = sign, width ∝ |w|  (max |w| = {0})</source>
        <translation>رنگ = علامت، پهنا ∝ |w|  (بیشینهٔ |w| = {0})</translation>
    </message>
    <message>
        <source>width, brightness = log10 |{0}|; purple −, green +, grey exactly 0</source>
        <translation>پهنا و روشنی = log10 |{0}|؛ بنفش −، سبز +، خاکستری دقیقاً ۰</translation>
    </message>
    <message>
        <source>  (scale moved up to {0}: exploding)</source>
        <translation>  (مقیاس تا {0} بالا رفت: انفجاری)</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>فعال‌سازی</translation>
    </message>
    <message>
        <source>delta dL/dz</source>
        <translation>دلتا dL/dz</translation>
    </message>
    <message>
        <source>(log, from {0})</source>
        <translation>(لگاریتمی، از {0})</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>off</source>
        <translation>خاموش</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>forward  ▶</source>
        <translation>▶  رو به جلو</translation>
    </message>
    <message>
        <source>◀  backward</source>
        <translation>رو به عقب  ◀</translation>
    </message>
    <message>
        <source>update  Δw</source>
        <translation>به‌روزرسانی  Δw</translation>
    </message>
</context>
<context>
    <name>NeuronGraphView</name>
    <message>
        <source>on every edge: local derivative × upstream gradient = the gradient it passes back</source>
        <translation>روی هر یال: مشتق محلی × گرادیان بالادستی = گرادیانی که به عقب می‌فرستد</translation>
    </message>
    <message>
        <source>forward values of one sample; gradients follow when backward reaches this layer</source>
        <translation>مقدارهای رو به جلوی یک نمونه؛ گرادیان‌ها وقتی گذر رو به عقب به این لایه برسد می‌آیند</translation>
    </message>
    <message>
        <source>the forward pass has not reached this layer yet</source>
        <translation>گذر رو به جلو هنوز به این لایه نرسیده است</translation>
    </message>
    <message>
        <source>grad {0}</source>
        <translation>گرادیان {0}</translation>
    </message>
    <message>
        <source>{0} of it by other paths</source>
        <translation>{0} از آن از مسیرهای دیگر</translation>
    </message>
    <message>
        <source>{0} more terms x·w</source>
        <translation>{0} جملهٔ دیگر x·w</translation>
    </message>
    <message>
        <source>{0}, sample {1} · step {2} · {3}</source>
        <translation>{0}، نمونهٔ {1} · گام {2} · {3}</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>ready</source>
        <translation>آماده</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>forward layer {0}</source>
        <translation>رو به جلو، لایهٔ {0}</translation>
    </message>
    <message>
        <source>backward layer {0}</source>
        <translation>رو به عقب، لایهٔ {0}</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>Reset: fresh weights from the seed, step 0</source>
        <translation>بازنشانی: وزن‌های تازه از بذر، گام ۰</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>چیزی برای واگرد نیست</translation>
    </message>
    <message>
        <source>Playing (Space pauses)</source>
        <translation>در حال پخش (Space متوقف می‌کند)</translation>
    </message>
    <message>
        <source>Switch early stopping off to go on.</source>
        <translation>برای ادامه، توقف زودهنگام را خاموش کنید.</translation>
    </message>
    <message>
        <source>Training diverged.</source>
        <translation>آموزش واگرا شد.</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>آموزش واگرا شد</translation>
    </message>
    <message>
        <source>Training diverged: a value became NaN or infinite.</source>
        <translation>آموزش واگرا شد: مقداری NaN یا بی‌نهایت شد.</translation>
    </message>
    <message>
        <source>Play is paused. Rewind to the last good step, then change a setting (learning rate, clipping, init gain) and go on.</source>
        <translation>پخش متوقف شد. به آخرین گام سالم برگردید، سپس یکی از تنظیمات (نرخ یادگیری، بریدن گرادیان، بهرهٔ مقداردهی اولیه) را تغییر دهید و ادامه دهید.</translation>
    </message>
    <message>
        <source>Rewind one step</source>
        <translation>یک گام به عقب</translation>
    </message>
    <message>
        <source>Stay here</source>
        <translation>همین‌جا بمان</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <source>batch mean</source>
        <translation>میانگین دسته</translation>
    </message>
    <message>
        <source>sample {0}</source>
        <translation>نمونهٔ {0}</translation>
    </message>
    <message>
        <source>Layer {0} forward</source>
        <translation>لایهٔ {0}، رو به جلو</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>زیان</translation>
    </message>
    <message>
        <source>Layer {0} backward</source>
        <translation>لایهٔ {0}، رو به عقب</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>آماده</translation>
    </message>
    <message>
        <source>→ steps into the first phase</source>
        <translation>⁦→⁩ به نخستین مرحله می‌رود</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>Reopened {path}</source>
        <translation>{path} دوباره باز شد</translation>
    </message>
    <message>
        <source>Restored the last experiment (not saved to a file)</source>
        <translation>آخرین آزمایش بازگردانده شد (در پرونده‌ای ذخیره نشده است)</translation>
    </message>
    <message>
        <source>Could not reopen the last experiment ({reason}); showing the demo lesson</source>
        <translation>باز کردن دوبارهٔ آخرین آزمایش ممکن نشد ({reason})؛ درس نمایشی نشان داده می‌شود</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record animation</source>
        <translation>ضبط پویانمایی</translation>
    </message>
    <message>
        <source>The next training step, phase by phase</source>
        <translation>گام آموزشی بعدی، مرحله به مرحله</translation>
    </message>
    <message>
        <source>A training run</source>
        <translation>یک اجرای آموزش</translation>
    </message>
    <message>
        <source>One step: forward layer by layer, loss, backward, update. A run: the picture every few steps while training.</source>
        <translation>یک گام: رو به جلو لایه به لایه، زیان، رو به عقب، به‌روزرسانی. یک اجرا: تصویر هر چند گام در طول آموزش.</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> گام</translation>
    </message>
    <message>
        <source>a frame every </source>
        <translation>یک قاب هر </translation>
    </message>
    <message>
        <source>Network</source>
        <translation>شبکه</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>کل پنجره</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> قاب بر ثانیه</translation>
    </message>
    <message>
        <source>In-between frames as the lit layer moves to the next one: a smooth sweep; each phase lasts this many frames plus one</source>
        <translation>قاب‌های میانی هنگام رفتن لایهٔ روشن به لایهٔ بعد: حرکتی نرم؛ هر مرحله به اندازهٔ این تعداد قاب به‌علاوهٔ یک طول می‌کشد</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ضبط</translation>
    </message>
    <message>
        <source>Run length</source>
        <translation>طول اجرا</translation>
    </message>
    <message>
        <source>View</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>نرخ قاب</translation>
    </message>
    <message>
        <source>In-between frames</source>
        <translation>قاب‌های میانی</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>ضبط…</translation>
    </message>
    <message>
        <source>{0} frames, about {1} s</source>
        <translation>{0} قاب، حدود {1} ثانیه</translation>
    </message>
    <message>
        <source>MP4 needs ffmpeg, which was not found: animations are saved as GIF.</source>
        <translation>MP4 به ffmpeg نیاز دارد که پیدا نشد: پویانمایی‌ها به صورت GIF ذخیره می‌شوند.</translation>
    </message>
    <message>
        <source>Which format: for a training run choose MP4, several times smaller than the same GIF; a GIF plays without a video player (slides, web pages), so keep it short.</source>
        <translation>کدام قالب: برای یک دورهٔ آموزش MP4 را برگزینید که چند برابر از همان GIF کوچک‌تر است؛ GIF بدون پخش‌کنندهٔ ویدیو پخش می‌شود (اسلایدها، صفحه‌های وب)، پس آن را کوتاه نگه دارید.</translation>
    </message>
    <message>
        <source>Which format: one step is about as small in either; a GIF plays anywhere without a video player, MP4 suits a video.</source>
        <translation>کدام قالب: یک گام در هر دو تقریباً به یک اندازه کوچک است؛ GIF همه‌جا بدون پخش‌کنندهٔ ویدیو پخش می‌شود و MP4 برای ویدیو مناسب است.</translation>
    </message>
    <message>
        <source>GIF animations</source>
        <translation>پویانمایی‌های GIF</translation>
    </message>
    <message>
        <source>MP4 videos</source>
        <translation>ویدئوهای MP4</translation>
    </message>
    <message>
        <source>Could not record</source>
        <translation>ضبط ممکن نشد</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>در حال ضبط…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Recording frame {0} of {1}…</source>
        <translation>ضبط قاب {0} از {1}…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>لغو شد؛ چیزی ذخیره نشد.</translation>
    </message>
    <message>
        <source>Saved {0}: {1} frames</source>
        <translation>{0} ذخیره شد: {1} قاب</translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <source>prediction</source>
        <translation>پیش‌بینی</translation>
    </message>
    <message>
        <source>true {name}</source>
        <translation>{name} واقعی</translation>
    </message>
    <message>
        <source>predicted {name}</source>
        <translation>{name} پیش‌بینی‌شده</translation>
    </message>
    <message>
        <source>train</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>test</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <source>perfect fit ({formula})</source>
        <translation>برازش کامل ({formula})</translation>
    </message>
</context>
<context>
    <name>RunColumn</name>
    <message>
        <source>Gradient health of each layer after the latest step</source>
        <translation>سلامت گرادیان هر لایه پس از واپسین گام</translation>
    </message>
</context>
<context>
    <name>RunsLossView</name>
    <message>
        <source>step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>زیان (مقیاس لگاریتمی)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>This run diverged at step {0}: its weights are NaN or infinite. Reset, then lower the learning rate, clip gradients or shrink the initial weights.</source>
        <translation>این اجرا در گام {0} واگرا شد: وزن‌هایش NaN یا بی‌نهایت‌اند. بازنشانی کنید، سپس نرخ یادگیری را کم کنید، گرادیان‌ها را ببرید یا وزن‌های آغازین را کوچک‌تر کنید.</translation>
    </message>
    <message>
        <source>Early stopping: the test loss has not improved for {0} steps; best at step {1}.</source>
        <translation>توقف زودهنگام: زیان آزمون {0} گام است که بهتر نشده؛ بهترین در گام {1}.</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: the loss became NaN or infinite. Rewind, then lower the learning rate, clip gradients or shrink the initial weights.</source>
        <translation>آموزش در گام {0} واگرا شد: زیان NaN یا بی‌نهایت شد. به عقب برگردید، سپس نرخ یادگیری را کم کنید، گرادیان‌ها را ببرید یا وزن‌های آغازین را کوچک‌تر کنید.</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: a gradient became NaN or infinite. Rewind, then lower the learning rate, clip gradients or shrink the initial weights.</source>
        <translation>آموزش در گام {0} واگرا شد: یک گرادیان NaN یا بی‌نهایت شد. به عقب برگردید، سپس نرخ یادگیری را کم کنید، گرادیان‌ها را ببرید یا وزن‌های آغازین را کوچک‌تر کنید.</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: a weight became NaN or infinite. Rewind, then lower the learning rate, clip gradients or shrink the initial weights.</source>
        <translation>آموزش در گام {0} واگرا شد: یک وزن NaN یا بی‌نهایت شد. به عقب برگردید، سپس نرخ یادگیری را کم کنید، گرادیان‌ها را ببرید یا وزن‌های آغازین را کوچک‌تر کنید.</translation>
    </message>
    <message>
        <source>No kept step before the divergence is sound (finite weights, a loss that had not blown up): reset, then lower the learning rate or the initial weights.</source>
        <translation>هیچ گام نگه‌داشته‌شده‌ای پیش از واگرایی سالم نیست (وزن‌های متناهی، زیانی که منفجر نشده باشد): بازنشانی کنید، سپس نرخ یادگیری یا وزن‌های آغازین را کم کنید.</translation>
    </message>
    <message>
        <source>Rewound to step {0}, the last step before the divergence with finite weights and a loss that had not blown up. Lower the learning rate or clip gradients before going on.</source>
        <translation>به گام {0} برگشت، آخرین گام پیش از واگرایی با وزن‌های متناهی و زیانی که منفجر نشده بود. پیش از ادامه، نرخ یادگیری را کم کنید یا گرادیان‌ها را ببرید.</translation>
    </message>
    <message>
        <source>Cannot rewind further: older steps are beyond the history limit.</source>
        <translation>بیش از این نمی‌توان به عقب برگشت: گام‌های قدیمی‌تر بیرون از حد تاریخچه‌اند.</translation>
    </message>
    <message>
        <source>gradient check: take a step first (there is no gradient yet)</source>
        <translation>بررسی گرادیان: ابتدا یک گام بردارید (هنوز گرادیانی نیست)</translation>
    </message>
    <message>
        <source>a weight must be a finite number, got {value}</source>
        <translation>وزن باید عددی متناهی باشد، اما {value} داده شد</translation>
    </message>
    <message>
        <source>layer {layer} has no parameter {key}</source>
        <translation>لایهٔ {layer} پارامتری به نام {key} ندارد</translation>
    </message>
    <message>
        <source>index {index} is outside {key} of shape {shape}</source>
        <translation>اندیس {index} بیرون از {key} با شکل {shape} است</translation>
    </message>
    <message>
        <source>no hidden neuron {neuron} in layer {layer}</source>
        <translation>لایهٔ {layer} نورون پنهانی با شمارهٔ {neuron} ندارد</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>step one phase (forward layer by layer, loss, backward, update)</source>
        <translation>یک مرحله جلو (گذر رو به جلو لایه‌به‌لایه، زیان، گذر رو به عقب، به‌روزرسانی)</translation>
    </message>
    <message>
        <source>step one mini-batch: a whole training step</source>
        <translation>یک دستهٔ کوچک جلو: یک گام کامل آموزش</translation>
    </message>
    <message>
        <source>step one epoch</source>
        <translation>یک دوره جلو</translation>
    </message>
    <message>
        <source>step back one phase</source>
        <translation>یک مرحله به عقب</translation>
    </message>
    <message>
        <source>step back one training step</source>
        <translation>یک گام آموزش به عقب</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>پخش / مکث</translation>
    </message>
    <message>
        <source>faster / slower</source>
        <translation>تندتر / کندتر</translation>
    </message>
    <message>
        <source>animation on / off (off: play trains whole steps)</source>
        <translation>پویانمایی روشن / خاموش (خاموش: پخش، گام‌های کامل را آموزش می‌دهد)</translation>
    </message>
    <message>
        <source>reset: fresh weights, back to step 0</source>
        <translation>بازنشانی: وزن‌های تازه، بازگشت به گام ۰</translation>
    </message>
    <message>
        <source>neurons show the batch mean / the focused sample</source>
        <translation>نورون‌ها میانگین دسته / نمونهٔ برگزیده را نشان می‌دهند</translation>
    </message>
    <message>
        <source>new experiment with the default settings</source>
        <translation>آزمایش تازه با تنظیمات پیش‌فرض</translation>
    </message>
    <message>
        <source>open / save / save an experiment as</source>
        <translation>باز کردن / ذخیره / ذخیرهٔ آزمایش با نامی دیگر</translation>
    </message>
    <message>
        <source>undo the last edit (a setting, a typed weight, a switched neuron, a drawn point)</source>
        <translation>واگرد آخرین ویرایش (یک تنظیم، وزنی که تایپ شده، نورونی که روشن یا خاموش شده، نقطه‌ای که کشیده شده)</translation>
    </message>
    <message>
        <source>redo the edit undone</source>
        <translation>انجام دوبارهٔ ویرایشِ واگردشده</translation>
    </message>
    <message>
        <source>zoom the views in / out / back to normal</source>
        <translation>بزرگ‌نمایی / کوچک‌نمایی نماها / بازگشت به اندازهٔ عادی</translation>
    </message>
    <message>
        <source>export the window or a view as PNG or SVG (right-click a view: export just it)</source>
        <translation>ذخیرهٔ تصویر پنجره یا یک نما به صورت PNG یا SVG (کلیک راست روی یک نما: فقط همان نما)</translation>
    </message>
    <message>
        <source>copy a picture of the window</source>
        <translation>رونوشت تصویری از پنجره</translation>
    </message>
    <message>
        <source>presenter mode: the same keys, R reveals the lit layer&apos;s numbers, Esc leaves</source>
        <translation>حالت ارائه: همان کلیدها؛ R عددهای لایهٔ روشن را نشان می‌دهد، Esc خارج می‌شود</translation>
    </message>
    <message>
        <source>full screen on / off</source>
        <translation>تمام‌صفحه روشن / خاموش</translation>
    </message>
    <message>
        <source>the user guide&apos;s page for the view under the mouse</source>
        <translation>صفحهٔ راهنمای کاربر برای نمای زیر نشانگر ماوس</translation>
    </message>
    <message>
        <source>close the window (asks about unsaved changes)</source>
        <translation>بستن پنجره (دربارهٔ تغییرهای ذخیره‌نشده می‌پرسد)</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>خروج</translation>
    </message>
</context>
<context>
    <name>Speed</name>
    <message>
        <source>{0} phases/s</source>
        <translation>{0} مرحله در ثانیه</translation>
    </message>
    <message>
        <source>{0} steps/frame</source>
        <translation>{0} گام در هر قاب</translation>
    </message>
    <message>
        <source>1 step/frame</source>
        <translation>۱ گام در هر قاب</translation>
    </message>
</context>
<context>
    <name>StepControls</name>
    <message>
        <source> or </source>
        <translation> یا </translation>
    </message>
    <message>
        <source>Back step</source>
        <translation>گام قبل</translation>
    </message>
    <message>
        <source>Step back to the end of the previous training step</source>
        <translation>بازگشت به پایان گام آموزشی پیشین</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>عقب</translation>
    </message>
    <message>
        <source>Step back one phase</source>
        <translation>یک مرحله به عقب</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Step one phase: forward layer by layer, loss, backward, update</source>
        <translation>یک مرحله جلو: گذر رو به جلو لایه‌به‌لایه، زیان، گذر رو به عقب، به‌روزرسانی</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Step one mini-batch: finish a whole training step</source>
        <translation>یک دستهٔ کوچک جلو: یک گام آموزش را کامل کن</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Train one epoch: every training sample once</source>
        <translation>آموزش یک دوره: هر نمونهٔ آموزشی یک بار</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <source>Play / pause: train continuously at the chosen speed</source>
        <translation>پخش / مکث: آموزش پیوسته با سرعت برگزیده</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>بازنشانی</translation>
    </message>
    <message>
        <source>Reset: fresh weights from the seed, back to step 0</source>
        <translation>بازنشانی: وزن‌های تازه از بذر تصادفی، بازگشت به گام ۰</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>پویانمایی</translation>
    </message>
    <message>
        <source>Animation on: play shows every phase; off: play trains whole steps and redraws once per frame</source>
        <translation>پویانمایی روشن: پخش هر مرحله را نشان می‌دهد؛ خاموش: پخش گام‌های کامل را آموزش می‌دهد و در هر قاب یک بار از نو می‌کشد</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>تندتر</translation>
    </message>
    <message>
        <source>Play faster</source>
        <translation>پخش تندتر</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>کندتر</translation>
    </message>
    <message>
        <source>Play slower</source>
        <translation>پخش کندتر</translation>
    </message>
    <message>
        <source>Batch mean</source>
        <translation>میانگین دسته</translation>
    </message>
    <message>
        <source>Neurons show the mean over the mini-batch instead of one focused sample</source>
        <translation>نورون‌ها به جای یک نمونهٔ برگزیده، میانگین روی دستهٔ کوچک را نشان می‌دهند</translation>
    </message>
    <message>
        <source>Play speed: phases per second with the animation on, training steps per frame with it off ([ and ] change it)</source>
        <translation>سرعت پخش: با پویانمایی روشن، مرحله در ثانیه؛ با پویانمایی خاموش، گام آموزش در هر قاب (با [ و ] تغییر می‌کند)</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>نمونهٔ </translation>
    </message>
    <message>
        <source>The focused sample of the mini-batch: neurons show its activations and deltas (M: the batch mean instead)</source>
        <translation>نمونهٔ برگزیدهٔ دستهٔ کوچک: نورون‌ها فعال‌سازی‌ها و دلتاهای آن را نشان می‌دهند (M: به جای آن میانگین دسته)</translation>
    </message>
    <message>
        <source>Updates applied so far, the current epoch, and the phase shown</source>
        <translation>شمار به‌روزرسانی‌های انجام‌شده تاکنون، دورهٔ کنونی و مرحلهٔ نمایش‌داده‌شده</translation>
    </message>
    <message>
        <source> of {0}</source>
        <translation> از {0}</translation>
    </message>
    <message>
        <source>step &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; epoch &lt;b&gt;{1}&lt;/b&gt; &amp;nbsp; phase &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>گام &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; دوره &lt;b&gt;{1}&lt;/b&gt; &amp;nbsp; مرحله &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
</context>
<context>
    <name>SystemMessages</name>
    <message>
        <source>Permission denied</source>
        <translation>دسترسی داده نشد</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>جایی روی دیسک نمانده است</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>سامانهٔ پرونده‌ها فقط‌خواندنی است</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>خطای ورودی/خروجی</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>نام پرونده بیش از حد بلند است</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>پیوندهای نمادین بیش از حد تودرتو هستند</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>سهمیهٔ دیسک پر شده است</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>این کار مجاز نیست</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>پوشه نیست</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>چنین پرونده یا پوشه‌ای نیست</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>یک پوشه است</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>دستگاه یا منبع مشغول است</translation>
    </message>
    <message>
        <source>Stale file handle</source>
        <translation>دستگیرهٔ پرونده دیگر معتبر نیست</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>پرونده‌های باز بیش از حد است</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>پرونده بیش از حد بزرگ است</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>اینجا یک مقدار لازم است</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>اینجا جداکنندهٔ «,» لازم است</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>اینجا جداکنندهٔ «:» لازم است</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>اینجا نام یک کلید میان دو نشانهٔ &quot; لازم است</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>متنی که اینجا آغاز می‌شود بسته نشده است</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>نویسهٔ کنترلی نامعتبر</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>نشانهٔ \ نامعتبر</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>رمز \uXXXX نامعتبر</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>پس از پایان داده‌ای اضافه آمده است</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>nnviz user guide</source>
        <translation>راهنمای nnviz</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>فهرست</translation>
    </message>
</context>
<context>
    <name>WatchFrame</name>
    <message>
        <source>{n} inputs</source>
        <translation>{n} ورودی</translation>
    </message>
    <message>
        <source>(as {groups} groups)</source>
        <translation>(به صورت {groups} گروه)</translation>
    </message>
    <message>
        <source>+ {n} more layers (see the plots)</source>
        <translation>+ {n} لایهٔ دیگر (نمودارها را ببینید)</translation>
    </message>
    <message>
        <source>dL/dW, last step</source>
        <translation>dL/dW، گام آخر</translation>
    </message>
</context>
<context>
    <name>WatchWindow</name>
    <message>
        <source>nnviz: watching %1</source>
        <translation>nnviz: در حال دنبال کردن %1</translation>
    </message>
    <message>
        <source>Waiting for the first watcher.step()</source>
        <translation>در انتظار نخستین watcher.step()</translation>
    </message>
    <message>
        <source>step %1, loss %2</source>
        <translation>گام %1، زیان %2</translation>
    </message>
</context>
<context>
    <name>WeightImagesView</name>
    <message>
        <source>Each picture is one neuron&apos;s incoming weights W[:, j], laid out like the input image.
Green pixels excite the neuron (positive weights), purple ones inhibit it;
all pictures share the fixed color scale given in the title.</source>
        <translation>هر تصویر وزن‌های ورودی یک نورون، ⁦W[:, j]⁩، است که مانند تصویر ورودی چیده شده.
پیکسل‌های سبز نورون را برمی‌انگیزند (وزن‌های مثبت) و بنفش‌ها بازش می‌دارند؛
همهٔ تصویرها مقیاس رنگ ثابتی را که در عنوان آمده به اشتراک دارند.</translation>
    </message>
    <message>
        <source>Layer 1 weights</source>
        <translation>وزن‌های لایهٔ ۱</translation>
    </message>
    <message>
        <source>Layer {layer} weights</source>
        <translation>وزن‌های لایهٔ {layer}</translation>
    </message>
    <message>
        <source>Weights as images</source>
        <translation>وزن‌ها به شکل تصویر</translation>
    </message>
    <message>
        <source>{what} {weights} · colors {limit} (fixed)</source>
        <translation>{what} {weights} · رنگ‌ها {limit} (ثابت)</translation>
    </message>
</context>
<context>
    <name>WindowDrawing</name>
    <message>
        <source>diverged</source>
        <translation>واگرا</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>زودتر متوقف شد</translation>
    </message>
    <message>
        <source>no steps yet</source>
        <translation>هنوز گامی برداشته نشده</translation>
    </message>
    <message>
        <source>train loss {0}</source>
        <translation>زیان آموزش {0}</translation>
    </message>
    <message>
        <source>test loss {0}</source>
        <translation>زیان آزمون {0}</translation>
    </message>
    <message>
        <source>train acc {0}</source>
        <translation>دقت آموزش {0}</translation>
    </message>
    <message>
        <source>test acc {0}</source>
        <translation>دقت آزمون {0}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;بستن پنجره</translation>
    </message>
    <message>
        <source>Close the window (asks about unsaved changes)</source>
        <translation>پنجره را می‌بندد (دربارهٔ تغییرات ذخیره‌نشده می‌پرسد)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;تاریخچه</translation>
    </message>
    <message>
        <source>Every edit so far; click one to go back to it</source>
        <translation>همهٔ ویرایش‌ها تا اینجا؛ روی یکی بزنید تا به آن برگردید</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, following it when it switches</source>
        <translation>روشن یا تیره همانند میزکار، و با تغییر آن همراه می‌شود</translation>
    </message>
    <message>
        <source>system</source>
        <translation>سیستم</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;New experiment</source>
        <translation>آزمایش &amp;تازه</translation>
    </message>
    <message>
        <source>Start a new experiment with the default settings</source>
        <translation>یک آزمایش تازه با تنظیمات پیش‌فرض آغاز کن</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <source>Open an experiment file (config, weights and training state)</source>
        <translation>یک پروندهٔ آزمایش را باز کن (پیکربندی، وزن‌ها و وضعیت آموزش)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>باز کردن پرونده‌های &amp;اخیر</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>Save the experiment (config, weights, training state)</source>
        <translation>آزمایش را ذخیره کن (پیکربندی، وزن‌ها، وضعیت آموزش)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <source>Save the experiment under a new name</source>
        <translation>آزمایش را با نامی تازه ذخیره کن</translation>
    </message>
    <message>
        <source>&amp;Import CSV data…</source>
        <translation>&amp;وارد کردن دادهٔ CSV…</translation>
    </message>
    <message>
        <source>Use your own data: a CSV file with a target column (rebuilds the network)</source>
        <translation>دادهٔ خودتان را به کار ببرید: یک پروندهٔ CSV با یک ستون هدف (شبکه از نو ساخته می‌شود)</translation>
    </message>
    <message>
        <source>&amp;Classroom setup…</source>
        <translation>&amp;تنظیم کلاس…</translation>
    </message>
    <message>
        <source>Hide controls and lock settings for a focused exercise; saved in the experiment file</source>
        <translation>کنترل‌ها را پنهان و تنظیمات را قفل کن تا تمرین متمرکز بماند؛ در پروندهٔ آزمایش ذخیره می‌شود</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>Quit nnviz</source>
        <translation>خروج از nnviz</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;اجرا</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;درس‌ها</translation>
    </message>
    <message>
        <source>Compare side &amp;by side…</source>
        <translation>مقایسهٔ &amp;کنار هم…</translation>
    </message>
    <message>
        <source>The current lesson and its comparison as runs side by side, stepped together</source>
        <translation>درس کنونی و اجرای مقایسه‌ای آن، کنار هم و گام‌به‌گام با هم</translation>
    </message>
    <message>
        <source>&amp;Optimizer race</source>
        <translation>&amp;مسابقهٔ بهینه‌سازها</translation>
    </message>
    <message>
        <source>SGD, SGD with momentum, RMSprop and Adam on one net, side by side</source>
        <translation>SGD، SGD با تکانه، RMSprop و Adam روی یک شبکه، کنار هم</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>Show the lesson picker</source>
        <translation>فهرست درس‌ها را نشان بده</translation>
    </message>
    <message>
        <source>Show the numbers of the neuron, edge or layer clicked</source>
        <translation>عددهای نورون، یال یا لایه‌ای را که کلیک شده نشان بده</translation>
    </message>
    <message>
        <source>Show the settings</source>
        <translation>تنظیمات را نشان بده</translation>
    </message>
    <message>
        <source>Show the data and decision boundary</source>
        <translation>داده و مرز تصمیم را نشان بده</translation>
    </message>
    <message>
        <source>Show the loss curves</source>
        <translation>منحنی‌های زیان را نشان بده</translation>
    </message>
    <message>
        <source>Show the data in the coordinates of two hidden neurons</source>
        <translation>داده را در مختصات دو نورون پنهان نشان بده</translation>
    </message>
    <message>
        <source>Neuron &amp;heatmaps</source>
        <translation>&amp;نقشهٔ حرارتی نورون‌ها</translation>
    </message>
    <message>
        <source>For 2-D data: each neuron shows its output over the input plane</source>
        <translation>برای دادهٔ دوبعدی: هر نورون خروجی خود را روی صفحهٔ ورودی نشان می‌دهد</translation>
    </message>
    <message>
        <source>Update phase shows Δw</source>
        <translation>مرحلهٔ به‌روزرسانی Δw را نشان می‌دهد</translation>
    </message>
    <message>
        <source>At the update phase the edges show the change of each weight (log scale) instead of the new weights</source>
        <translation>در مرحلهٔ به‌روزرسانی، یال‌ها به جای وزن‌های تازه تغییر هر وزن را (در مقیاس لگاریتمی) نشان می‌دهند</translation>
    </message>
    <message>
        <source>&amp;Log-scale loss axis</source>
        <translation>محور زیان با مقیاس &amp;لگاریتمی</translation>
    </message>
    <message>
        <source>Loss curves on a log axis, where the slow tail of training shows (chosen by itself when the losses span two decades or more)</source>
        <translation>منحنی‌های زیان روی محور لگاریتمی، که دنبالهٔ کُند آموزش در آن پیداست (وقتی زیان‌ها دو مرتبهٔ ده یا بیشتر را بپوشانند، خودکار برگزیده می‌شود)</translation>
    </message>
    <message>
        <source>Loss axis from &amp;zero</source>
        <translation>محور زیان از &amp;صفر</translation>
    </message>
    <message>
        <source>The linear loss axis starts at 0, so a nearly flat loss looks flat</source>
        <translation>محور خطی زیان از ۰ آغاز می‌شود، پس زیانی که تقریباً ثابت است صاف دیده می‌شود</translation>
    </message>
    <message>
        <source>Loss: overlay the lesson&apos;s &amp;comparison run</source>
        <translation>زیان: &amp;اجرای مقایسهٔ درس را روی آن بکش</translation>
    </message>
    <message>
        <source>Train the lesson&apos;s comparison run (its &quot;Compare with&quot; settings, same data and seed) alongside and draw its losses under this run&apos;s, step for step</source>
        <translation>اجرای مقایسهٔ درس (با تنظیمات «مقایسه با» آن، همان داده و بذر تصادفی) را هم‌زمان آموزش بده و زیان‌هایش را گام‌به‌گام زیر زیان‌های این اجرا بکش</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;پوسته</translation>
    </message>
    <message>
        <source>light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>contrast</source>
        <translation>پرکنتراست</translation>
    </message>
    <message>
        <source>Draw the views in the contrast theme (for projectors)</source>
        <translation>نماها را با پوستهٔ پرکنتراست بکش (برای ویدئوپروژکتور)</translation>
    </message>
    <message>
        <source>Draw the views in the {0} theme</source>
        <translation>نماها را با پوستهٔ {0} بکش</translation>
    </message>
    <message>
        <source>Restore default &amp;layout</source>
        <translation>بازگرداندن &amp;چیدمان پیش‌فرض</translation>
    </message>
    <message>
        <source>Put every panel back where it started</source>
        <translation>هر پنل را به جای نخستش برگردان</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Larger text, lines and points in every view</source>
        <translation>متن، خط‌ها و نقطه‌های بزرگ‌تر در همهٔ نماها</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Smaller text, lines and points in every view</source>
        <translation>متن، خط‌ها و نقطه‌های کوچک‌تر در همهٔ نماها</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;اندازهٔ واقعی</translation>
    </message>
    <message>
        <source>Text, lines and points at their normal size</source>
        <translation>متن، خط‌ها و نقطه‌ها در اندازهٔ عادی</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>حالت &amp;ارائه</translation>
    </message>
    <message>
        <source>Full screen, large type and thick lines for a projector; Space steps, R reveals the lit layer&apos;s numbers, Esc leaves</source>
        <translation>تمام‌صفحه، حروف درشت و خط‌های ضخیم برای ویدئوپروژکتور؛ Space یک گام می‌رود، R عددهای لایهٔ روشن را نشان می‌دهد، Esc خارج می‌شود</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;تمام‌صفحه</translation>
    </message>
    <message>
        <source>The window fills the screen; F11 again leaves</source>
        <translation>پنجره کل صفحه را می‌گیرد؛ F11 دوباره از آن بیرون می‌آورد</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;Help for this view</source>
        <translation>&amp;راهنمای این نما</translation>
    </message>
    <message>
        <source>The user guide&apos;s page for the view under the mouse</source>
        <translation>صفحهٔ راهنمای کاربر برای نمای زیر ماوس</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>فهرست میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>راهنمای &amp;کاربر</translation>
    </message>
    <message>
        <source>How to use nnviz, a page per area, in the app&apos;s language</source>
        <translation>شیوهٔ کار با nnviz، برای هر بخش یک صفحه، به زبان برنامه</translation>
    </message>
    <message>
        <source>&amp;About nnviz</source>
        <translation>&amp;دربارهٔ nnviz</translation>
    </message>
    <message>
        <source>Version and what nnviz is</source>
        <translation>نسخه و این‌که nnviz چیست</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>See backpropagation: a multilayer perceptron drawn live, the forward pass and the gradient animated layer by layer, every weight update stepped through and back.</source>
        <translation>پس‌انتشار را ببینید: یک پرسپترون چندلایه که زنده کشیده می‌شود، گذر رو به جلو و گرادیان که لایه به لایه جان می‌گیرند، و هر به‌روزرسانی وزن که گام به گام جلو و عقب می‌رود.</translation>
    </message>
    <message>
        <source>Every number comes from a small numpy engine with PyTorch&apos;s semantics.</source>
        <translation>هر عدد از یک موتور کوچک numpy با همان معناشناسی PyTorch می‌آید.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence: use, copy, change and share it, in class and beyond.</source>
        <translation>نرم‌افزار آزاد با پروانهٔ MIT: آن را به کار ببرید، رونوشت کنید، تغییر دهید و به اشتراک بگذارید، در کلاس و بیرون از آن.</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>در حال اجرا روی</translation>
    </message>
    <message>
        <source>About nnviz</source>
        <translation>دربارهٔ nnviz</translation>
    </message>
    <message>
        <source>This lesson has no comparison run: choose one with &quot;Compare with&quot; in its text</source>
        <translation>این درس اجرای مقایسه‌ای ندارد: یکی را با «مقایسه با» در متن درس انتخاب کنید</translation>
    </message>
    <message>
        <source>Your experiment has no comparison run: select a lesson with &quot;Compare with&quot; to compare your experiment with its settings</source>
        <translation>آزمایش شما اجرای مقایسه‌ای ندارد: درسی را که «مقایسه با» دارد برگزینید تا آزمایشتان را با تنظیمات آن مقایسه کنید</translation>
    </message>
    <message>
        <source>your experiment and {0}</source>
        <translation>آزمایش شما و {0}</translation>
    </message>
    <message>
        <source>Could not apply the classroom setup</source>
        <translation>اعمال تنظیمات کلاس ممکن نشد</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>Zoom {0}</source>
        <translation>بزرگ‌نمایی {0}</translation>
    </message>
</context>
<context>
    <name>nnviz lessons</name>
    <message>
        <source>({steps} steps)</source>
        <translation>({steps} گام)</translation>
    </message>
</context>
</TS>
