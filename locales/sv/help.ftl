# Help articles: Swedish.

help-contact = Skicka ett meddelande till partnersupporten
    .summary = Skriv till partnersupporten direkt i appen när du har en fråga om ditt boende, en bokning eller ditt konto.
    .body = Tryck på ”Mer” och sedan på ”Hjälp”, och tryck därefter på brevsymbolen för att öppna ”Skicka ett meddelande till oss”.
        Välj det ämne som passar bäst och sedan en underkategori, och beskriv med egna ord vad du behöver hjälp med. Gäller frågan en bokning väljer du ”Bokningar” och anger bekräftelsenumret, så att vi hittar bokningen direkt.
        Innan du trycker på ”Skicka” kan du lägga till bilder, till exempel en skärmbild eller ett foto som visar problemet.
        Vårt mål är att du ska få svar inom 24 timmar, även om det någon gång dröjer något längre. Svaret hamnar under ”Meddelanden”, och du ser det även under ”Aviseringar”.

help-technical = Rapportera ett tekniskt fel
    .summary = Berätta för oss när något i appen eller på plattformen inte fungerar som det ska.
    .body = Tryck på ”Rapportera ett tekniskt fel” under ”Hjälp”. Appen lägger ärendet under ämnet ”Konto” och underkategorin ”Övrigt”, så att det hamnar hos teamet som hanterar tekniska problem.
        Beskriv vad som hände, vad du hade förväntat dig och ungefär när problemet började. En skärmbild av ett eventuellt felmeddelande är till stor hjälp.
        För att vi ska kunna felsöka bifogar appen några uppgifter om din enhet, till exempel appversion, plattform, språk och anslutningsstatus. Innan du skickar ser du exakt vilka uppgifter som följer med.
        Tryck på ”Skicka” när du är klar. Någon i vårt team återkommer till dig så snart som möjligt.

help-complaint = Skicka in ett klagomål
    .summary = Skicka in ett klagomål när något har blivit fel på plattformen eller i vår service och du vill att vi går igenom saken formellt.
    .body = Ett klagomål är till för problem med plattformen eller med den service du har fått av oss, inte för vardagliga frågor. Har du en fråga går det oftast snabbare via ”Skicka ett meddelande till oss”.
        Tryck på ”Skicka in ett klagomål” under ”Hjälp”. Ange först vem som klagar: du som partner, någon som arbetar för partnern eller någon som företräder partnern.
        Fyll sedan i namn och e-postadress så att vi kan nå dig; telefonnummer är valfritt.
        Välj därefter vilket ämne klagomålet gäller och förklara i meddelandet vad som gick fel. Ju fler detaljer du ger, till exempel datum, bokningsnummer och vad du redan har provat, desto snabbare kan vi lösa det.
        Tryck på ”Skicka” för att skicka in klagomålet. Under ”Meddelanden” kan du följa hur ärendet fortskrider.

help-process = Så hanterar vi ditt klagomål
    .summary = Det här händer efter att du har skickat in ett klagomål, från vårt första svar till det slutliga resultatet.
    .body = Först får du en bekräftelse på att klagomålet har kommit fram, tillsammans med en förklaring av nästa steg. Vi strävar efter att svara inom 24 timmar.
        Medan vi utreder ärendet håller vi dig uppdaterad, och någon i vårt team kan be dig om mer information. Du kan svara direkt under ”Meddelanden”.
        När vi har kommit fram till en lösning meddelar vi dig resultatet. Du kan godta det, eller tala om att du inte håller med och förklara varför i en kommentar.
        Om du är partner inom Europeiska ekonomiska samarbetsområdet (EES) och fortfarande inte håller med kan du begära medling. En oberoende medlare går då igenom ditt ärende.

help-urgent = Brådskande ärenden: ring oss
    .summary = När något inte kan vänta på ett skriftligt svar är det bäst att ringa partnersupporten.
    .body = Vissa situationer kräver svar direkt, till exempel när en gäst med en bokning står i dörren och det inte finns något ledigt rum.
        Vänta inte på svar på ett meddelande i sådana lägen. Öppna ”Hjälp” och tryck på ”Ring oss” för att prata direkt med partnersupporten.
        Ha bekräftelsenumret och uppgifterna om ditt boende till hands, så kan vi hjälpa dig snabbare.
        För allt som kan vänta är ”Skicka ett meddelande till oss” fortfarande det enklaste sättet att nå oss.

help-guests = Hänvisa gäster rätt
    .summary = Gäster får snabbast hjälp via hjälpsidorna för gäster, inte via partnersupporten.
    .body = Partnersupporten finns till för att hjälpa dig och ditt boende. Gäster som hör av sig via partnerkanalerna kan vi inte ta hand om, och det blir oftast långsammare för alla inblandade.
        Om en gäst behöver hjälp av oss kan du hänvisa gästen till hjälpsidorna för gäster. Där kan gästen hantera sin bokning själv eller kontakta kundservice på sitt eget språk via chatt, mejl eller telefon.
        Gästerna ska inte få de kontaktuppgifter som du själv når oss med, och inte heller vårt telefonnummer för partners. Det enklaste är att be dem öppna hjälpavsnittet i appen eller på webbplatsen där de bokade.

help-offline = Skriva utan uppkoppling
    .summary = Du kan skriva till oss även utan täckning, och meddelandet skickas så fort uppkopplingen är tillbaka.
    .body = Om uppkopplingen försvinner medan du skriver fortsätter du bara. Meddelandet sparas som ett utkast i telefonen, så att du kan skriva klart det senare.
        Trycker du på ”Skicka” utan uppkoppling ligger meddelandet kvar i telefonen, tillsammans med eventuella bilder, under ”Väntar på att skickas”.
        Så fort uppkopplingen är tillbaka skickar appen det automatiskt, och bara en gång, så du behöver aldrig skicka det igen.
        Inget försvinner om du stänger appen. Dina utkast och väntande meddelanden finns kvar när du öppnar den igen, och du hittar dem under ”Mer” i ”Utkast” och ”Väntar på att skickas”.
