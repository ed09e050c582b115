import sys; sys.path.insert(0,'/tmp/gen')
from common import *
title='التساقطات المطرية الأخيرة تنعش آمال الفلاحين في سهل سايس'
body=['استبشر الفلاحون في سهل سايس بجهة فاس مكناس خيرا بالتساقطات المطرية المهمة التي عرفتها المنطقة خلال الأيام الماضية، بعد ست سنوات متتالية من الجفاف أثرت بشكل كبير على المحاصيل الزراعية وعلى الفرشة المائية.',
'وحسب معطيات المديرية الجهوية للفلاحة، فإن كميات الأمطار المسجلة منذ بداية الموسم الفلاحي تجاوزت مئتين وعشرين ملمترا، أي بزيادة تفوق أربعين في المائة مقارنة بالموسم الماضي في الفترة نفسها.',
'وقال عبد الرحيم، وهو فلاح يملك ضيعة صغيرة بضواحي الحاجب، إن هذه الأمطار جاءت في الوقت المناسب لإنقاذ زراعة الحبوب، مضيفا أن عددا كبيرا من الفلاحين كانوا قد ترددوا في الحرث خوفا من تكرار سيناريو السنوات الماضية.',
'الفرشة المائية ما تزال مهددة',
'في المقابل، نبه خبراء في المجال المائي إلى أن هذه التساقطات، رغم أهميتها، لن تكفي وحدها لتعويض العجز المتراكم في الفرشة المائية لسهل سايس، التي تعرف استنزافا كبيرا بسبب الحفر العشوائي للآبار والتوسع في الزراعات المستهلكة للمياه.',
'وأوضح أستاذ الجيولوجيا بجامعة سيدي محمد بن عبد الله أن مستوى المياه الجوفية في بعض المناطق انخفض بأكثر من ستين مترا خلال العقدين الأخيرين، داعيا إلى تفعيل عقدة الفرشة المائية وتشديد المراقبة على الآبار غير المرخصة.',
'كما أشار إلى ضرورة تشجيع الفلاحين على اعتماد تقنيات الري الموضعي، والتوجه نحو زراعات أقل استهلاكا للماء، بدل التركيز على الأشجار المثمرة التي تتطلب كميات كبيرة من المياه طوال السنة.',
'وفي هذا السياق، أعلنت وزارة الفلاحة عن برنامج لدعم الفلاحين الصغار يشمل توفير البذور المختارة بأسعار مدعمة، وتمويل مشاريع تجميع مياه الأمطار، إلى جانب إطلاق حملات تحسيسية حول الاستعمال المعقلن للموارد المائية.',
'وتنتظر ساكنة المنطقة أن تتواصل التساقطات خلال الأسابيع المقبلة، خاصة أن حقينة سد إدريس الأول، الذي يزود جزءا من الجهة بالماء، ما تزال في حدود ثلاثين في المائة فقط من طاقته الاستيعابية.']
lines=[title]+body
fr_menu=['Accueil','Politique','Économie','Société','Régions','Sport','Culture','Tamazight','Médias','Opinions','Vidéos','English','Français']
nav=''.join(f'<li class="menu-item menu-item-type-taxonomy"><a href="/categorie/{s.lower()}">{esc(s)}</a></li>' for s in fr_menu)
nav_ar=''.join(f'<li class="menu-item"><a href="/{i}.html">{esc(s)}</a></li>' for i,s in enumerate(SECTIONS))
names=['مواطن مغربي','ابن الحاجب','فلاح من سايس','Karim','متتبع','أمازيغي حر','Mohamed FR','غيور على الوطن','ولد الشعب','Sara','ابو ياسين','مهاجر في إيطاليا','محمد','راي حر','Youssef']
comments=''.join(f'''<li class="comment depth-1" id="comment-{1000+i}"><div class="comment-body"><div class="comment-header"><span class="comment-number">{i+1}</span> - <span class="fn">{esc(n)}</span> <span class="comment-date">الإثنين 23 نونبر 2026 - {10+i%12}:{(i*7)%60:02d}</span></div><div class="comment-text"><p>{esc(COMMENTS[i%8])} {esc(COMMENTS[(i+3)%8])}</p></div><div class="comment-vote"><a class="like" href="#">{17+i*3}</a> <a class="dislike" href="#">{i*2}</a></div></div></li>''' for i,n in enumerate(names))
related=''.join(f'<div class="col-md-4 card"><a href="/art{i}.html" class="stretched-link"><img src="/uploads/2026/11/t{i}.jpg"></a><h3 class="card-title">{esc(h)}</h3><small class="text-muted">منذ {i+2} ساعات</small></div>' for i,h in enumerate(HEADLINES[4:13]))
most=''.join(f'<li><span class="number">{i+1}</span><a href="/p{i}.html">{esc(h)}</a></li>' for i,h in enumerate(HEADLINES[10:20]))
bodyhtml='\n'.join((f'<h3>{esc(p)}</h3>' if len(p.split())<6 else f'<p>{esc(p)}</p>') for p in body)
bodyhtml=bodyhtml.replace('</p>\n<h3>','</p>\n<div class="ads-in-article"><div id="hespress_inread" class="gpt-ad"></div><span>Publicité</span></div>\n<h3>',1)
page=f'''<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} - هسبريس</title>
<meta property="og:site_name" content="Hespress">
<meta property="og:title" content="{esc(title)}">
<link rel="stylesheet" href="https://www.hespress.com/wp-content/themes/hespress/assets/css/bootstrap.rtl.min.css">
<script>var hesp_ajax={{"url":"\\/wp-admin\\/admin-ajax.php","nonce":"a8f3c1"}};</script>
</head>
<body class="post-template-default single single-post postid-1288734 single-format-standard">
<div id="cookie-notice" role="banner" class="cn-position-bottom"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.</span><a href="#" id="cn-accept-cookie" class="cn-set-cookie cn-button">J'accepte</a> <a href="/politique-de-confidentialite" class="cn-more-info">En savoir plus</a></div></div>
<header id="header" class="header"><div class="top-bar"><div class="container"><span class="date-top">Lundi 23 Novembre 2026</span><ul class="top-menu"><li><a href="/contact">Contactez-nous</a></li><li><a href="/publicite">Publicité</a></li><li><a href="https://fr.hespress.com">Hespress FR</a></li><li><a href="https://en.hespress.com">Hespress EN</a></li></ul><div class="meteo">Rabat 17°C</div></div></div>
<div class="container"><a class="navbar-brand" href="/"><img src="/logo.svg" alt="Hespress"></a></div>
<nav class="navbar navbar-expand-lg"><ul id="menu-main-menu" class="navbar-nav">{nav}</ul><ul class="navbar-nav nav-ar">{nav_ar}</ul></nav></header>
<main class="container"><div class="row">
<div class="col-lg-8 col-12">
<article class="post-1288734 post type-post status-publish">
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">الرئيسية</a></li><li class="breadcrumb-item"><a href="/regions">جهات</a></li></ol>
<h1 class="post-title">{esc(title)}</h1>
<div class="author"><a href="/author/12">عبد الإله شبل</a> من فاس <span class="date-post">الإثنين 23 نونبر 2026 - 09:30</span></div>
<div class="share-post"><a class="facebook" href="#">Partager</a><a class="twitter" href="#">Tweeter</a><a class="whatsapp" href="#">WhatsApp</a></div>
<figure class="post-thumbnail"><img src="/uploads/2026/11/pluie-sais.jpg" alt=""><figcaption class="caption">صورة: أرشيف</figcaption></figure>
<div class="article-content">
{bodyhtml}
</div>
<div class="box-tags"><span class="tags-title">Tags:</span> <a class="tag_post_tag" href="/tag/pluie" rel="tag">الأمطار</a> <a href="/tag/sais" rel="tag">سهل سايس</a> <a href="/tag/agriculture" rel="tag">الفلاحة</a></div>
</article>
<section class="related-posts"><h2 class="section-title">Articles similaires</h2><div class="row">{related}</div></section>
<section id="comments" class="comments-area"><h2 class="comments-title">التعليقات ({len(names)})</h2><p class="comment-rules">Les commentaires sont modérés. المرجو احترام آداب الحوار وعدم نشر ما يسيء.</p><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>أضف تعليقك</h3><form><input name="author" placeholder="Nom"><textarea name="comment"></textarea><label><input type="checkbox"> J'accepte les conditions d'utilisation</label><button>Envoyer</button></form></div></section>
</div>
<aside class="col-lg-4 sidebar"><div class="widget most-read"><h3 class="widget-title">الأكثر قراءة</h3><ol>{most}</ol></div><div class="widget ads"><div id="hespress_sidebar" class="gpt-ad"></div><span>Publicité</span></div></aside>
</div></main>
<footer class="site-footer"><div class="container"><ul class="footer-menu"><li><a href="/qui-sommes-nous">Qui sommes-nous</a></li><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/charte">Charte des commentaires</a></li><li><a href="/contact">Contact</a></li></ul><p>© Hespress 2026 - Tous droits réservés. هسبريس جريدة إلكترونية مغربية.</p></div></footer>
<script src="/wp-content/themes/hespress/assets/js/app.min.js"></script>
</body></html>'''
save('hespress_comments',page,lines)
