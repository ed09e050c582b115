import sys; sys.path.insert(0,'/tmp/gen')
from common import *
title='موسم التمور في القصيم يحقق مبيعات قياسية تتجاوز ملياري ريال'
body=['بريدة - واس: أعلنت اللجنة المنظمة لمهرجان تمور بريدة أن حجم المبيعات خلال الموسم الحالي تجاوز ملياري ريال للمرة الأولى منذ انطلاق المهرجان، مدفوعا بارتفاع الطلب المحلي وتنامي الصادرات إلى الأسواق الخليجية والآسيوية.',
'وأوضح رئيس اللجنة أن عدد المركبات المحملة بالتمور التي دخلت ساحة المزاد تجاوز مئة وعشرين ألف مركبة خلال ستين يوما، فيما شارك في المزادات اليومية أكثر من ثلاثة آلاف تاجر ومزارع من مختلف مناطق المملكة.',
'وأشار إلى أن أصناف السكري والخلاص والصقعي تصدرت قائمة المبيعات، حيث استحوذ السكري وحده على قرابة نصف الكميات المتداولة، في حين شهدت أسعار الأصناف الفاخرة ارتفاعا ملحوظا مقارنة بالموسم الماضي.',
'وبين أن المهرجان أسهم في توفير أكثر من ألفي فرصة عمل موسمية للشباب السعودي في مجالات التسويق والتغليف والنقل، إضافة إلى دعم الأسر المنتجة التي عرضت منتجاتها من مشتقات التمور في جناح خاص.',
'من جانبه، قال مدير فرع وزارة البيئة والمياه والزراعة بالمنطقة إن القصيم تضم أكثر من ثمانية ملايين نخلة تنتج نحو أربعمئة ألف طن سنويا، لافتا إلى أن الوزارة تعمل على تطوير سلاسل الإمداد ورفع جودة المنتج ليتوافق مع اشتراطات الأسواق العالمية.',
'وأضاف أن برامج الدعم المقدمة للمزارعين شملت توفير شتلات نسيجية وأنظمة ري حديثة وتدريبهم على مكافحة سوسة النخيل الحمراء، مؤكدا أن هذه الجهود انعكست على جودة المحصول وحجم الصادرات.',
'ويأتي ذلك في وقت تسعى فيه المملكة إلى تعزيز مكانتها بوصفها أكبر مصدر للتمور في العالم، إذ تشير بيانات المركز الوطني للنخيل والتمور إلى أن الصادرات وصلت إلى أكثر من مئة وعشرين دولة خلال العام الماضي، بنمو سنوي يفوق عشرة في المئة.',
'ويرى اقتصاديون أن قطاع التمور بات يمثل رافدا مهما للاقتصاد غير النفطي، داعين إلى التوسع في الصناعات التحويلية كالعجينة والدبس والسكر السائل، بما يرفع القيمة المضافة ويقلل الاعتماد على بيع التمور الخام.']
lines=[title]+body
left=''.join(f'<tr><td class="newsTitleSmall" valign="top"><img src="/images/bullet.gif" width="7" height="7" border="0"> <a href="/Contents/2026/11/2{i}/news_{i}.htm" class="lnk">{esc(h)}</a></td></tr>' for i,h in enumerate(HEADLINES))
menu=''.join(f'<td class="menuCell" align="center" nowrap><a href="/section.asp?id={i}" class="menuLink">{esc(s)}</a></td><td width="1"><img src="/images/sep.gif" width="1" height="20"></td>' for i,s in enumerate(SECTIONS+['الاقتصادية','محليات','عربي ودولي','الرياضية','ثقافة اليوم']))
archive=''.join(f'<option value="{d}">{d}/11/2026</option>' for d in range(1,29))
pages=''.join(f'<td class="pageLink"><a href="/Contents/2026/11/28/page{i}.htm">الصفحة {i}</a></td>' + ('</tr><tr>' if i%6==0 else '') for i,_ in enumerate(range(1,49),1))
sameday=''.join(f'<tr><td class="relatedCell"><a href="/Contents/2026/11/28/r{i}.htm">{esc(h)}</a><br><span class="small">الرياض - {i+1} ساعة</span></td></tr>' for i,h in enumerate(HEADLINES[3:15]))
writers=''.join(f'<tr><td><img src="/writers/{i}.jpg" width="40" height="40"></td><td class="writerName"><a href="/writers/{i}.htm">الكاتب {n}</a><br><span class="writerTitle">{esc(h)}</span></td></tr>' for i,(n,h) in enumerate(zip(['محمد العبدالله','سارة القحطاني','عبدالعزيز المطيري','نورة الشمري','خالد الدوسري','فهد العتيبي'],HEADLINES[10:16])))
bodyhtml='<br><br>\n'.join(f'<font face="Tahoma" size="3">{esc(p)}</font>' for p in body)
page=f'''<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>جريدة الرياض | {esc(title)}</title>
<meta name="keywords" content="تمور، القصيم، بريدة، مهرجان">
<link href="/css/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="/js/common.js"></script>
<script language="JavaScript">function MM_openBrWindow(u,n,f){{window.open(u,n,f);}} function printPage(){{window.print();}}</script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3" height="90" background="/images/header_bg.jpg"><table width="100%"><tr><td width="300"><a href="/"><img src="/images/logo.gif" width="280" height="80" border="0" alt="جريدة الرياض"></a></td><td align="center"><a href="/ads/click.asp?id=77"><img src="/ads/banner728.gif" width="728" height="90" border="0"></a></td></tr></table></td></tr>
<tr><td colspan="3" bgcolor="#003366"><table border="0" cellspacing="0" cellpadding="4"><tr>{menu}</tr></table></td></tr>
<tr><td colspan="3" class="dateBar" bgcolor="#E5E5E5">&nbsp;السبت 28 نوفمبر 2026م - العدد 19874 &nbsp;|&nbsp; <form name="arch" style="display:inline"><select name="d" onchange="location=this.value">{archive}</select></form> &nbsp;|&nbsp; <a href="/pdf/">النسخة الورقية PDF</a></td></tr>
<tr>
<td width="180" valign="top" bgcolor="#F3F3F3">
<table width="100%" cellpadding="3"><tr><td class="boxTitle" bgcolor="#336699"><font color="#FFFFFF"><b>صفحات العدد</b></font></td></tr><tr><td><table>{pages}</table></td></tr></table>
<table width="100%" cellpadding="3"><tr><td class="boxTitle" bgcolor="#336699"><font color="#FFFFFF"><b>كتاب اليوم</b></font></td></tr><tr><td><table>{writers}</table></td></tr></table>
</td>
<td width="600" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="8">
<tr><td class="path"><a href="/">الرئيسية</a> &gt; <a href="/section.asp?id=3">الاقتصادية</a></td></tr>
<tr><td class="newsTitle"><font face="Tahoma" size="5" color="#003366"><b>{esc(title)}</b></font></td></tr>
<tr><td class="newsDate"><font size="2" color="#666666">السبت 28 نوفمبر 2026م - 17 جمادى الأولى 1448هـ</font></td></tr>
<tr><td><table align="left" width="260" cellpadding="4" border="0"><tr><td><img src="/2026/11/28/img/dates.jpg" width="250" height="180" border="0"></td></tr><tr><td class="imgCaption"><font size="1">جانب من ساحة مزاد التمور في بريدة</font></td></tr></table>
{bodyhtml}
</td></tr>
<tr><td><table width="100%" bgcolor="#EEEEEE"><tr><td><a href="javascript:printPage()"><img src="/images/print.gif" border="0"> طباعة</a> &nbsp; <a href="javascript:MM_openBrWindow('/send.asp','send','width=400,height=300')"><img src="/images/email.gif" border="0"> أرسل لصديق</a> &nbsp; <a href="#">تويتر</a> &nbsp; <a href="#">فيسبوك</a> &nbsp; عدد القراءات: 4821</td></tr></table></td></tr>
<tr><td class="boxTitle" bgcolor="#336699"><font color="#FFFFFF"><b>أخبار ذات صلة</b></font></td></tr>
<tr><td><table width="100%">{sameday}</table></td></tr>
<tr><td><font size="2"><b>التعليقات</b> (0) - <a href="/comment.asp?id=88123">أضف تعليقك</a></font><br><font size="1" color="#999999">جميع التعليقات تخضع للمراجعة، والجريدة غير مسؤولة عن محتواها</font></td></tr>
</table>
</td>
<td width="200" valign="top" bgcolor="#F8F8F8">
<table width="100%"><tr><td align="center"><img src="/ads/skyscraper.gif" width="160" height="600"></td></tr>
<tr><td class="boxTitle" bgcolor="#336699"><font color="#FFFFFF"><b>آخر الأخبار</b></font></td></tr>{left}
<tr><td class="boxTitle" bgcolor="#336699"><font color="#FFFFFF"><b>استفتاء</b></font></td></tr><tr><td><form>هل تؤيد رفع رسوم العمالة الوافدة؟<br><input type="radio" name="v"> نعم<br><input type="radio" name="v"> لا<br><input type="radio" name="v"> لا أدري<br><input type="submit" value="صوت"></form></td></tr>
</table></td>
</tr>
<tr><td colspan="3" bgcolor="#003366" align="center"><font color="#FFFFFF" size="1">جميع الحقوق محفوظة لمؤسسة اليمامة الصحفية © 2026 | <a href="/about.htm"><font color="#FFFFFF">من نحن</font></a> | <a href="/contact.htm"><font color="#FFFFFF">اتصل بنا</font></a> | <a href="/ads.htm"><font color="#FFFFFF">للإعلان</font></a> | <a href="/subscribe.htm"><font color="#FFFFFF">الاشتراكات</font></a></font></td></tr>
</table>
<script language="JavaScript">var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-1234567-1']);_gaq.push(['_trackPageview']);</script>
</body></html>'''
save('riyadh_tables',page,lines)
