import sys; sys.path.insert(0,'/tmp/gen')
from common import *
import json
title='تراجع منسوب الفرات يهدد آلاف المزارعين في جنوب العراق'
lead='حذر مسؤولون ومزارعون في محافظتي ذي قار والمثنى من كارثة زراعية وشيكة بعد أن سجل منسوب نهر الفرات أدنى مستوى له منذ أربعة عقود، وسط اتهامات لدول المنبع بتقليص الإطلاقات المائية.'
body=[('p','وقالت وزارة الموارد المائية العراقية في بيان إن الإيرادات المائية الواصلة إلى البلاد انخفضت بنسبة تتجاوز 60% مقارنة بالمعدلات السنوية، مما اضطرها إلى تقليص المساحات المزروعة في الخطة الشتوية إلى النصف تقريبا.'),
('p','وأوضح المتحدث باسم الوزارة أن الخزين الاستراتيجي في السدود والبحيرات بات يكفي بالكاد لتأمين مياه الشرب وسقي البساتين، مشيرا إلى أن الوزارة تجري اتصالات مكثفة مع الجانبين التركي والسوري لزيادة الحصص المائية خلال الأشهر المقبلة.'),
('read','اقرأ أيضا: الجفاف يدفع آلاف العائلات العراقية إلى النزوح من الأهوار'),
('h2','مزارعون بلا مياه'),
('p','وفي قضاء سوق الشيوخ جنوبي الناصرية، يقف المزارع حسن عبد الأمير على حافة قناة جافة كانت حتى وقت قريب تروي حقول الأرز التي ورثها عن أبيه، ويقول إنه لم يتمكن من زراعة أرضه للموسم الثاني على التوالي.'),
('p','ويضيف أن عشرات العائلات في قريته باعت مواشيها بأسعار زهيدة بعد أن نفقت أعداد كبيرة منها بسبب العطش وملوحة المياه، وأن كثيرا من الشباب غادروا إلى البصرة وبغداد بحثا عن عمل في قطاع البناء.'),
('p','ويقدر اتحاد الجمعيات الفلاحية أن أكثر من سبعة آلاف أسرة في المحافظتين فقدت مصدر دخلها الرئيسي خلال العامين الماضيين، محذرا من موجة نزوح جديدة إذا لم تتخذ الحكومة إجراءات عاجلة لتعويض المتضررين.'),
('read','اقرأ أيضا: تركيا والعراق يتفقان على لجنة مشتركة لإدارة المياه'),
('h2','حلول مؤجلة'),
('p','ويرى خبراء في شؤون المياه أن الأزمة ليست طارئة، بل هي نتيجة تراكمات طويلة من سوء إدارة الموارد واعتماد أساليب ري تقليدية تهدر كميات كبيرة من المياه، إلى جانب التغير المناخي وارتفاع درجات الحرارة.'),
('p','ويقول أستاذ الهندسة المائية في جامعة بغداد الدكتور رعد الجبوري إن العراق يحتاج إلى التحول سريعا نحو تقنيات الري بالتنقيط والرش، وتبطين القنوات الترابية، وإعادة تأهيل محطات معالجة المياه المالحة.'),
('p','ويؤكد الجبوري أن أي اتفاق مع دول الجوار يجب أن يستند إلى القانون الدولي الخاص بالأنهار المشتركة، وأن يتضمن آلية واضحة لتقاسم الضرر في سنوات الجفاف بدل ترك دول المصب تتحمل العبء وحدها.'),
('p','وكانت الحكومة العراقية قد أعلنت الشهر الماضي عن خطة وطنية لمواجهة شح المياه تمتد حتى عام 2035، تتضمن إنشاء سدود صغيرة لحصاد مياه الأمطار في الصحراء الغربية، غير أن مراقبين يشككون في قدرتها على توفير التمويل اللازم.'),
]
lines=[title,lead]+[t for k,t in body if k!='read']
def bodyhtml():
    out=[]
    for k,t in body:
        if k=='p': out.append(f'<p>{esc(t)}</p>')
        elif k=='h2': out.append(f'<h2 id="{abs(hash(t))%9999}" class="article-subheading">{esc(t)}</h2>')
        else:
            a,b=t.split(': ',1)
            out.append(f'<p class="article-read-more"><strong>{a}:</strong> <a href="/news/2026/11/20/{abs(hash(b))%99999}">{esc(b)}</a></p>')
    out.insert(3,'<div class="ad-container ad-container--mpu" id="ad-article-mid"><div class="advertisement-label">إعلان</div><div id="div-gpt-ad-1542183719-0" data-ad-slot="/5644/aja/mid"></div></div>')
    out.insert(7,'<figure class="article-featured-image inline-image"><div class="responsive-image"><img src="/wp-content/uploads/2026/11/iraq-canal.jpg" alt="قناة ري جافة" loading="lazy"></div><figcaption class="article-featured-image__caption">قناة ري جافة في قضاء سوق الشيوخ بمحافظة ذي قار (الجزيرة)</figcaption></figure>')
    return '\n'.join(out)
mega=''.join(f'<li class="menu__item menu__item--has-sub"><a class="menu__link" href="/{i}/">{esc(s)}</a><div class="mega-menu"><ul class="mega-menu__list">'+''.join(f'<li class="mega-menu__item"><a href="/where/{j}/">{esc(x)}</a></li>' for j,x in enumerate(SUB))+'</ul><div class="mega-menu__featured">'+''.join(f'<article class="gc gc--type-post"><a class="u-clickable-card__link" href="/news/{i}{j}"><h3 class="gc__title"><span>{esc(h)}</span></h3></a></article>' for j,h in enumerate(HEADLINES[i%5:i%5+3]))+'</div></div></li>' for i,s in enumerate(SECTIONS[:11]))
ticker=''.join(f'<li class="breaking-news-ticker__item"><a href="/news/live/{i}">{esc(h)}</a></li>' for i,h in enumerate(HEADLINES[:10]))
mostread=''.join(f'<li class="most-popular__item"><span class="most-popular__number">{i+1}</span><article class="gc gc--type-post gc--list"><div class="gc__content"><h3 class="gc__title"><a class="u-clickable-card__link" href="/news/2026/11/{i}/x"><span>{esc(h)}</span></a></h3></div></article></li>' for i,h in enumerate(HEADLINES[5:15]))
more=''.join(f'<article class="gc gc--type-post gc--with-image"><div class="gc__image-wrap"><img src="/img/{i}.jpg" alt=""></div><div class="gc__content"><div class="gc__header-wrap"><h3 class="gc__title"><a class="u-clickable-card__link" href="/news/m{i}"><span>{esc(h)}</span></a></h3></div><div class="gc__excerpt"><p>{esc(h)} وسط ترقب واسع للنتائج وردود الفعل المحلية والدولية.</p></div><footer class="gc__footer"><div class="gc__date"><span class="screen-reader-text">تاريخ النشر</span>21/11/2026</div></footer></div></article>' for i,h in enumerate(HEADLINES[8:20]))
footer=''.join(f'<div class="site-footer__column"><h3 class="site-footer__heading">{esc(s)}</h3><ul>'+''.join(f'<li><a href="/{j}">{esc(x)}</a></li>' for j,x in enumerate(SUB[i*5:i*5+5]))+'</ul></div>' for i,s in enumerate(['أقسام','مناطق','تابعنا','عن الموقع']))
ld=json.dumps({"@context":"https://schema.org","@type":"NewsArticle","headline":title,"description":lead,"datePublished":"2026-11-21T09:14:00Z","dateModified":"2026-11-21T11:02:00Z","author":[{"@type":"Person","name":"مراسل الجزيرة نت - الناصرية"}],"publisher":{"@type":"Organization","name":"الجزيرة نت","logo":{"@type":"ImageObject","url":"https://www.aljazeera.net/images/logo.png"}},"image":["https://www.aljazeera.net/wp-content/uploads/2026/11/iraq-canal.jpg"],"mainEntityOfPage":"https://www.aljazeera.net/news/2026/11/21/iraq-euphrates"},ensure_ascii=False)
page=f'''<!DOCTYPE html>
<html lang="ar" dir="rtl" class="no-js">
<head>
<meta charset="utf-8">
<title>{esc(title)} | الجزيرة نت</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(lead)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:description" content="{esc(lead)}">
<meta property="og:type" content="article">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://www.aljazeera.net/news/2026/11/21/iraq-euphrates">
<link rel="stylesheet" href="/static/css/main.7f3a2c.css">
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"Article","primaryTag":"العراق","wordCount":350}});</script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<style>.site-header{{position:sticky;top:0}}.breaking-news-ticker{{overflow:hidden}}</style>
</head>
<body class="single-post rtl">
<a class="skip-link screen-reader-text" href="#main-content-area">تخطى إلى المحتوى</a>
<div id="root"><div class="container container--header">
<header class="site-header" role="banner">
<div class="site-header__logo"><a href="/" aria-label="الجزيرة نت"><svg class="site-logo" viewBox="0 0 100 40"><title>الجزيرة</title><path d="M0 0h100v40H0z"/></svg></a></div>
<nav class="site-header__navigation menu" aria-label="القائمة الرئيسية"><ul class="menu__list">{mega}</ul></nav>
<div class="site-header__live-cta"><a href="/live/" class="button button--live">بث مباشر</a></div>
<div class="site-header__search"><form role="search" action="/search/"><input type="search" name="q" placeholder="ابحث"><button type="submit">بحث</button></form></div>
</header>
<div class="breaking-news-ticker" role="region" aria-label="عاجل"><span class="breaking-news-ticker__label">عاجل</span><ul class="breaking-news-ticker__list">{ticker}</ul></div>
</div>
<div class="container container--white">
<main id="main-content-area" class="l-col l-col--8" role="main">
<nav class="breadcrumbs" aria-label="breadcrumbs"><ol><li><a href="/">الرئيسية</a></li><li><a href="/news/">أخبار</a></li><li><a href="/where/mideast/iraq/">العراق</a></li></ol></nav>
<div class="article-header">
<div class="topics"><a href="/where/mideast/iraq/">العراق</a></div>
<header class="article-header"><h1>{esc(title)}</h1>
<p class="article__subhead"><em>{esc(lead)}</em></p></header>
<div class="article-info-block"><div class="article-author"><span class="article-author-name">مراسل الجزيرة نت</span> - <span>الناصرية</span></div><div class="article-dates"><div class="date-simple"><span class="screen-reader-text">نشر في </span><span aria-hidden="true">21/11/2026</span></div><div class="date-simple">آخر تحديث: 21/11/2026 11:02 (توقيت مكة)</div></div></div>
<ul class="article-social-share"><li><a class="share-facebook" href="#">فيسبوك</a></li><li><a class="share-twitter" href="#">إكس</a></li><li><a class="share-whatsapp" href="#">واتساب</a></li><li><a class="share-copy" href="#">نسخ الرابط</a></li></ul>
</div>
<figure class="article-featured-image"><div class="responsive-image"><img src="/wp-content/uploads/2026/11/euphrates.jpg" alt="نهر الفرات"></div><figcaption class="article-featured-image__caption">انخفاض منسوب مياه نهر الفرات قرب مدينة الناصرية (الأناضول)</figcaption></figure>
<div class="wysiwyg wysiwyg--all-content css-1ck9wyi" aria-live="polite">
{bodyhtml()}
</div>
<div class="article-source">المصدر: <span>الجزيرة + وكالات</span></div>
<div class="article-tags"><ul><li><a href="/tag/iraq/">العراق</a></li><li><a href="/tag/water/">المياه</a></li><li><a href="/tag/climate/">التغير المناخي</a></li></ul></div>
<section class="newsletter-form-wrapper"><h2 class="newsletter__title">النشرة البريدية</h2><p>اشترك في النشرة البريدية لتصلك أهم الأخبار يوميا</p><form><input type="email" placeholder="البريد الإلكتروني"><button>اشترك</button></form><p class="newsletter__disclaimer">باشتراكك في النشرة البريدية، فإنك توافق على سياسة الخصوصية</p></section>
<section class="more-on" aria-label="المزيد من الأخبار"><h2 class="section-header__title">المزيد من أخبار</h2><div class="gc-list">{more}</div></section>
</main>
<aside class="l-col l-col--4 sidebar" aria-label="الأكثر قراءة"><div class="most-popular"><h2 class="most-popular__heading">الأكثر قراءة</h2><ol class="most-popular__list">{mostread}</ol></div>
<div class="ad-container ad-container--sidebar"><div class="advertisement-label">إعلان</div><div id="div-gpt-ad-side"></div></div></aside>
</div>
<footer class="site-footer"><div class="site-footer__columns">{footer}</div><div class="site-footer__apps"><p>حمّل تطبيق الجزيرة</p><a href="#">App Store</a> <a href="#">Google Play</a></div><p class="site-footer__copyright">© 2026 شبكة الجزيرة الإعلامية</p></footer>
<div id="onetrust-banner-sdk" class="otFlat"><div class="ot-sdk-container"><p id="onetrust-policy-text">نستخدم ملفات تعريف الارتباط لتحسين تجربتك وتحليل حركة الزوار. بمتابعة التصفح فإنك توافق على استخدامنا لهذه الملفات.</p><button id="onetrust-accept-btn-handler">قبول الكل</button><button id="onetrust-pc-btn-handler">إعدادات ملفات تعريف الارتباط</button></div></div>
</div>
<script src="/static/js/main.a81c0e.js"></script>
</body></html>'''
save('aljazeera_panarab',page,lines)
