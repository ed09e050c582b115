import sys; sys.path.insert(0,'/tmp/gen')
from common import *
import json
title='الصحة العالمية تحذر من تفشي الكوليرا في مخيمات النزوح بالسودان'
lead='أطلقت منظمة الصحة العالمية نداء عاجلا لتوفير لقاحات ومياه نظيفة بعد تسجيل أكثر من أربعة آلاف إصابة بالكوليرا خلال ثلاثة أسابيع في ولايات كسلا والقضارف والنيل الأبيض.'
body=['وقال ممثل المنظمة في السودان، في مؤتمر صحفي عقده في بورتسودان، إن عدد الوفيات المرتبطة بالوباء ارتفع إلى مئة وسبع وثلاثين حالة، أغلبهم من الأطفال وكبار السن المقيمين في مخيمات مكتظة تفتقر إلى أبسط مقومات الصرف الصحي.',
'وأضاف أن الفرق الطبية تواجه صعوبات كبيرة في الوصول إلى المناطق المتضررة بسبب انعدام الأمن وتضرر الطرق جراء السيول الأخيرة، مشيرا إلى أن عددا من المراكز الصحية خرج عن الخدمة لنقص الوقود والمستلزمات الطبية.',
'وبحسب بيانات وزارة الصحة السودانية، فإن معدل الإصابات اليومية تضاعف خلال الأسبوع الأخير، في حين تجاوزت نسبة الإشغال في مراكز العزل الطاقة الاستيعابية بأكثر من الضعف، ما اضطر السلطات إلى إقامة خيام علاجية مؤقتة.',
'نقص حاد في اللقاحات',
'وأوضحت المنظمة أنها تمكنت بالتعاون مع منظمة اليونيسف من إيصال مليون جرعة من لقاح الكوليرا الفموي، غير أن هذه الكمية لا تغطي سوى ثلث الاحتياجات الفعلية في الولايات الثلاث، داعية المانحين إلى الإسراع في تمويل خطة الاستجابة.',
'وحذرت منسقة الشؤون الإنسانية من أن استمرار موسم الأمطار وتدفق موجات جديدة من النازحين قد يؤديان إلى انتشار الوباء في ولايات أخرى، خاصة في ظل تراجع خدمات المياه والإصحاح البيئي في معظم المدن.',
'ويعيش أكثر من عشرة ملايين نازح داخل السودان في ظروف إنسانية صعبة، وفق تقديرات الأمم المتحدة، التي تصف الأزمة الحالية بأنها واحدة من أسوأ أزمات النزوح في العالم.',
'وطالبت منظمات إغاثة دولية بفتح ممرات آمنة لإيصال الأدوية والمحاليل الوريدية وأقراص تنقية المياه، مؤكدة أن التدخل السريع خلال الأسابيع المقبلة سيكون حاسما في احتواء الوباء ومنع تحوله إلى كارثة صحية واسعة.']
lines=[title,lead]+body
ld=json.dumps({"@context":"https://schema.org","@type":"NewsArticle","headline":title,"description":lead,"datePublished":"2026-11-26T14:20:00+03:00","author":{"@type":"Organization","name":"سكاي نيوز عربية"},"publisher":{"@type":"Organization","name":"سكاي نيوز عربية","logo":{"@type":"ImageObject","url":"https://www.skynewsarabia.com/logo.png","width":600,"height":60}},"image":{"@type":"ImageObject","url":"https://www.skynewsarabia.com/images/cholera.jpg","width":1200,"height":675}},ensure_ascii=False)
parts=[]
for i,p in enumerate(body):
    parts.append(f'<h2 class="article-subtitle">{esc(p)}</h2>' if len(p.split())<6 else f'<p>{esc(p)}</p>')
    if i==1: parts.append('<div class="ad-wrapper"><span class="ad-label">إعلان</span><amp-ad width="300" height="250" type="doubleclick" data-slot="/7229/amp/skynewsarabia/middleeast" data-multi-size="320x50" json=\'{"targeting":{"section":["middle-east"]}}\'><div placeholder></div><div fallback></div></amp-ad></div>')
    if i==4: parts.append('<amp-img src="https://www.skynewsarabia.com/images/camp.jpg" width="800" height="450" layout="responsive" alt="مخيم نازحين"></amp-img><p class="image-caption">مخيم للنازحين في ولاية كسلا شرقي السودان - أرشيفية</p>')
    if i==5: parts.append('<div class="related-inline"><a href="/amp/middle-east/1800123"><span class="related-label">اقرأ أيضا</span> <span>الأمم المتحدة: 25 مليون سوداني يحتاجون إلى مساعدات عاجلة</span></a></div>')
sidebar=''.join(f'<li class="sidebar-menu-item"><a href="/amp/{i}">{esc(s)}</a></li>' for i,s in enumerate(SECTIONS+SUB))
more=''.join(f'<div class="more-item"><a href="/amp/middle-east/{1800000+i}"><amp-img src="/images/m{i}.jpg" width="160" height="90" layout="fixed"></amp-img><h3 class="more-title">{esc(h)}</h3></a><span class="more-time">منذ {i+1} ساعة</span></div>' for i,h in enumerate(HEADLINES[:14]))
css='.header{display:flex;align-items:center;justify-content:space-between;background:#fff;height:56px;padding:0 12px;border-bottom:1px solid #e5e5e5}.article-title{font-size:24px;line-height:1.4;margin:16px 12px}.article-summary{font-weight:700;color:#333;margin:0 12px 12px}.article-body p{font-size:18px;line-height:1.8;margin:0 12px 16px}.ad-wrapper{text-align:center;margin:16px 0}.ad-label{display:block;font-size:11px;color:#999}'*6
page=f'''<!doctype html>
<html ⚡ lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-user-notification" src="https://cdn.ampproject.org/v0/amp-user-notification-0.1.js"></script>
<title>{esc(title)} | سكاي نيوز عربية</title>
<link rel="canonical" href="https://www.skynewsarabia.com/middle-east/1800456-cholera-sudan">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script type="application/ld+json">{ld}</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>{css}</style>
</head>
<body>
<amp-analytics type="googleanalytics" id="analytics1"><script type="application/json">{{"vars":{{"account":"UA-3303450-1"}},"triggers":{{"trackPageview":{{"on":"visible","request":"pageview"}}}}}}</script></amp-analytics>
<amp-sidebar id="sidebar" layout="nodisplay" side="right"><button on="tap:sidebar.close" class="close-btn">✕</button><ul class="sidebar-menu">{sidebar}</ul></amp-sidebar>
<header class="header"><button on="tap:sidebar.toggle" class="menu-btn" aria-label="القائمة">☰</button><a href="/amp" class="logo"><amp-img src="/images/logo.svg" width="140" height="32" alt="سكاي نيوز عربية"></amp-img></a><a href="/live-stream" class="live-btn">البث المباشر</a></header>
<div class="ad-wrapper top-ad"><amp-ad width="320" height="50" type="doubleclick" data-slot="/7229/amp/skynewsarabia/top"></amp-ad></div>
<main class="article">
<div class="breadcrumb"><a href="/amp/middle-east">الشرق الأوسط</a></div>
<h1 class="article-title">{esc(title)}</h1>
<div class="article-meta"><span class="article-source">سكاي نيوز عربية - أبوظبي</span> <time datetime="2026-11-26T14:20:00+03:00">نشر في: 26 نوفمبر 2026 - 14:20</time></div>
<figure class="article-image"><amp-img src="https://www.skynewsarabia.com/images/cholera.jpg" width="1200" height="675" layout="responsive" alt="الكوليرا في السودان"></amp-img><figcaption>طفل يتلقى العلاج في مركز لعزل مرضى الكوليرا - رويترز</figcaption></figure>
<div class="share-bar"><amp-social-share type="facebook" data-param-app_id="1234" width="36" height="36"></amp-social-share><amp-social-share type="twitter" width="36" height="36"></amp-social-share><amp-social-share type="whatsapp" width="36" height="36"></amp-social-share><amp-social-share type="email" width="36" height="36"></amp-social-share></div>
<p class="article-summary">{esc(lead)}</p>
<div class="article-body">
{chr(10).join(parts)}
</div>
<div class="article-tags"><span>مواضيع ذات صلة:</span> <a href="/amp/topic/sudan">السودان</a> <a href="/amp/topic/who">منظمة الصحة العالمية</a> <a href="/amp/topic/cholera">الكوليرا</a></div>
<div class="ad-wrapper"><amp-ad width="300" height="250" type="doubleclick" data-slot="/7229/amp/skynewsarabia/bottom"></amp-ad></div>
<section class="more-news"><h2 class="section-title">المزيد من الشرق الأوسط</h2>{more}</section>
</main>
<footer class="footer"><a href="/amp">الرئيسية</a> | <a href="https://www.skynewsarabia.com/middle-east/1800456-cholera-sudan?view=desktop">النسخة الكاملة</a> | <a href="/privacy">سياسة الخصوصية</a><p>© 2026 سكاي نيوز عربية. جميع الحقوق محفوظة</p></footer>
<amp-user-notification layout="nodisplay" id="amp-user-notification1"><p>يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.</p><button on="tap:amp-user-notification1.dismiss">موافق</button></amp-user-notification>
</body></html>'''
save('skynews_amp',page,lines)
