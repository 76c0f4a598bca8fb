/// The key-strength estimator's dictionary, most common first (a word's rank is its guess count):
/// placeholders people put in configuration, then common passwords, common English words and
/// common names, merged by their rank in their own list. Derived from zxcvbn's frequency lists
/// (Dropbox, MIT licence): the top 3,000 of its `passwords`, 3,500 each of its television/film
/// and Wikipedia English words, and 1,200 US census names; lowercase, 3 letters or more, about
/// 11,000 words in all. The lists come from the `zxcvbn` 4.5.0 package on PyPI, whose licence
/// asks that this notice go with them:
///
///     MIT License. Copyright (c) 2016 Daniel Wolf. Permission is hereby granted, free of charge,
///     to any person obtaining a copy of this software and associated documentation files (the
///     "Software"), to deal in the Software without restriction, including without limitation the
///     rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
///     the Software, and to permit persons to whom the Software is furnished to do so, subject to
///     the following conditions: The above copyright notice and this permission notice shall be
///     included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
///     "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
///     WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
///     EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
///     LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
///     CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
///
/// One string literal, split into a rank table at first use: an array literal this long would
/// slow type-checking down.
enum KeyStrengthWords {
    /// Word → rank (1 = most common). Built once, on first use.
    static let ranks: [String: Int] = {
        var ranks: [String: Int] = [:]
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where ranks[String(word)] == nil {
            ranks[String(word)] = ranks.count + 1
        }
        return ranks
    }()

    /// The longest word, in characters: no dictionary match is tried beyond it.
    static let longest: Int = ranks.keys.map(\.count).max() ?? 0

    /// The words, most common first, in three literals (the other two in
    /// `KeyStrengthWords+List2.swift` and `+List3.swift`) to keep
    /// each file short; whitespace separates words, so the joins add a newline.
    static let text = part1 + "\n" + part2 + "\n" + part3

    static let part1 = """
        secret key secretkey secrets changeme change replace replaceme default example sample dev
        development devel prod production staging test testing tests debug local localhost flask django
        rails laravel express session sessions sessionkit cookie cookies signing sign token app application
        apps web website server service api admin administrator root user username password passphrase
        passwd pass pwd qwerty letmein welcome hello world foo bar baz foobar qux lorem ipsum dolor sit amet
        super private random string strong long hard guess unsafe insecure mysecret yoursecret my your our
        this that not very really keyboard cat dog hunter dragon monkey todo fixme xxx none null undefined
        empty blank temp tmp demo tutorial config settings env 123456 james mary smith the you john johnson
        patricia 12345678 and linda robert williams barbara jones michael 123456789 brown elizabeth was
        william 12345 david davis jennifer 1234 for maria miller richard what 111111 charles susan wilson
        1234567 joseph know margaret moore dorothy taylor thomas with 123123 anderson christopher lisa
        baseball daniel have jackson nancy abc123 karen paul white football betty from harris mark donald
        helen his just martin george sandra thompson shadow donna garcia kenneth were master are carol
        martinez steven 696969 edward robinson ruth which mustang brian clark doc sharon 666666 https
        michelle rodriguez ronald qwertyuiop also anthony laura lewis 123321 but kevin lee sarah 1234567890
        all has jason kimberly walker pussy deborah had hall matthew well superman allen first gary jessica
        654321 about one shirley timothy young 1qaz2wsx cynthia hernandez jose right their 7777777 angela
        its king larry fuckyou after get jeffrey melissa wright qazwsx brenda frank here lopez new jordan
        amy hill out scott who 123qwe anna eric going green they 000000 adams like rebecca stephen two
        killer andrew baker her virginia yeah trustno1 gonzalez kathleen raymond she been can gregory nelson
        pamela harley carter joshua martha other zxcvbnm debra jerry mitchell want when asdfgh amanda dennis
        perez think time buster during roberts stephanie walter batman carolyn now patrick there turner
        soccer christine into peter phillips tigger campbell harold him marie school charlie douglas how
        janet more parker sunshine catherine evans got henry may iloveyou carl did edwards frances years
        fuckme ann arthur collins over why ranger joyce only ryan see stewart hockey come diane roger
        sanchez year computer alice good joe morris most starwars juan julie rogers would asshole heather
        jack look reed pepper albert city cook teresa will klaster doris jonathan morgan okay some 112233
        back bell gloria justin where zxcvbn between evelyn murphy terry freedom bailey gerald jean later
        mean princess cheryl keith rivera tell three maggie cooper mildred samuel state hey katherine
        richardson such willie ginger cox joan ralph then 11111111 ashley could howard lawrence national
        131313 judith nicholas used ward fuck made rose roy torres yes love benjamin janice known peterson
        something cheese because bruce gray kelly under 159753 brandon many nicole ramirez say summer adam
        judy take university watson chelsea brooks christina harry united way dallas fred kathy little
        sanders while biteme make part price theresa wayne matrix bennett beverly billy need season yankees
        denise gonna steve team wood 6969 barnes louis never tammy these corvette american irene jeremy ross
        austin aaron henderson jane than too access coleman film lori randy thunder eugene jenkins rachel
        second merlin born carlos marilyn perry sure andrea powell russell south diamond became bobby
        kathryn sorry louise patterson states victor hammer ernest hughes let sara war fucker anne flores
        phillip thing through 1234qwer being jacqueline maybe todd washington silver butler down including
        jesse wanda gfhjkm bonnie both craig man simmons internet alan before foster julia samantha gonzales
        north ruby shawn golfer bryant clarence high lois should scooter alexander anything however sean
        tina griffin people philip phyllis said orange chris diaz family much norma any early hayes johnny
        paula q1w2e3r4t5 diana earl even history myers maverick album annie ford jimmy off sparky antonio
        area hamilton lillian please phoenix danny doing emily graham them mickey bryan robin series
        sullivan thank bigdog against give peggy tony wallace snoopy crystal luis thought until woods guitar
        cole gladys help mike since whatever district rita stanley talk west chicken county dawn god leonard
        owens camaro connie name nathan reynolds still mercedes dale fisher florence wait work peanut ellis
        find life manuel tracy ferrari edna group harrison nothing rodney falcon again curtis gibson music
        tiffany cowboy carmen following mcdonald norman things cruz marvin number rosa sexy cindy company
        marshall vincent samsung call glenn grace ortiz several steelers four gomez jeffery told wendy
        smokey called great murray travis victoria dakota better edith freeman jeff played arsenal chad ever
        kim released wells boomer career jacob night sherry webb eagles away league melvin simpson sylvia
        tigers alfred believe game josephine stevens marina feel government kyle thelma tucker nascar
        everything francis house porter shannon booboo bradley each hicks sheila gateway based crawford
        ethel fine jesus yellow boyd day ellen herbert last porsche elaine frederick keep mason same monster
        does marjorie morales ray won spider carrie joel kennedy put use diablo around charlotte edwin
        station warren hannah club dixon don monica stop bulldog eddie esther international ramos junior
        pauline reyes ricky town london burns emma guy located troy purple gordon juanita population randall
        compaq always anita barry general shaw lakers bernard college holmes listen rhonda iceman east hazel
        mario rice wanted qwer1234 amber found guys leroy robertson hardcore age eva francisco huh hunt
        cowboys black debbie march marcus those money april big daniels end micheal banana leslie lot palmer
        september theodore ncc1701 began clara clifford happened mills boston home lucille miguel nichols
        thanks tennis grant jamie oscar public q1w2e3r4 church jay joanne knight trying coffee eleanor
        ferguson jim kind line scooby june stone tom valerie wrong 123654 calvin danielle hawkins river
        talking nikita alex dunn megan member yamaha alicia care jon perkins system mother bad hudson place
        ronnie suzanne barney bill century michele mom spencer brandy band gail gardner lloyd remember
        chester bertha getting july stephens tommy fuckoff darlene leon payne york oliver derek january
        pierce together veronica player berry dad darrell jill october forever erin jerome leave matthews
        song rangers arnold august floyd geraldine understand midnight best lauren leo wagner chicago
        actually alvin cathy former willis bigdaddy british hear joann tim watkins redsox baby lorraine
        olson party wesley angel carroll dean lynn named nice badboy duncan father greg held sally fender
        else jorge regina snyder village jasper dustin erica hart show stay slayer beatrice cunningham done
        pedro rabbit derrick dolores lane november natasha andrews bernice course dan took marine audrey
        might ruiz zachary bigdick corey december harper mind yvonne wizard annette built every fox herman
        marlboro another enough marion maurice riley raiders armstrong dana major try vernon prince
        carpenter hell roberto stacy within casper along ana came clyde weaver fishing glen greene members
        renee someone flower elliott five hector ida jasmine chavez shane single vivian whole iwantu due
        ricardo roberta sims yourself panties although holly idea peters sam adidas ask brittany kelley rick
        small winter franklin lester melanie must old winner brent coming lawson left loretta gandalf fields
        final looking ramon yolanda password1 gutierrez jeanette large tyler woman enter gilbert include
        laurie room schmidt ghbdtn building carr gene katie knew 1q2w3e4r kristen marc served tonight
        vasquez golden castillo president real reginald vanessa cocacola alma received ruben son wheeler
        jordan23 brett chapman games hope sue winston death elsie montgomery nathaniel went madison beth
        february hmm rafael richards angels edgar happy jeanne main williamson panther johnston milton
        pretty third vicki blowme banks carla raul saw set sexsex ben children girl meyer tara bigtits
        bishop cecil own rosemary sir spanky duane eileen friend mccoy order bitch already andre howell
        species terri sophie alvarez elmer gertrude park saying asdfasdf brad law lucy morrison next horny
        air gabriel hansen job tonya thx1138 ella fernandez problem published ron toyota garza minute road
        roland stacey tiger died harvey jared thinking wilma dick adrian book burton gina canada heard karl
        kristin men nguyen 12344321 cory honey jacobs jessie women blowjob army claude matter natalie reid
        8675309 agnes erik fuller myself often muffin according darryl lynch vera liverpoo charlene
        education exactly garrett neil apples bessie central christian having romero qwerty123 country
        delores javier probably welch passw0rd division fernando happen larson melinda abcd1234 clinton
        english frazier pearl pokemon arlene burke hurt ted top 123abc boy hanson included mathew maureen
        slipknot colleen dead mendoza tyrone qazxsw allison darren french gotta moreno 123456a alone bowman
        community lonnie tamara scorpion among excuse joy lance medina qwaszx cody fowler georgia start
        water butter brewer constance julio kill play startrek hoffman kurt lillie side rainbow allan
        carlson claudia list asdfghjkl clayton jackie silva times today razz car hugh marcia near pearson
        newyork holland late max ready tanya redskins dwayne fleming form nellie without gemini dwight
        jensen minnie original wants cameron armando different hold marlene vargas qazwsxedc byrd center
        felix heidi wanna florida davidson glenda jimmie power yet liverpool everett hopkins led lydia seen
        turtle deal herrera ian students viola sierra courtney german ken once wade viking bob gone marian
        moved soto booger court jaime morning stella walters butthead caroline casey neal six supposed
        doctor alfredo caldwell dora friends land rocket alberto council head lowe vickie 159357 dave island
        jennings mattie stuff dolphins barnett ivan maxine worry captain graves irma johnnie live record
        bandit jimenez mabel million sidney truth jaguar byron face horton marsha research packers art
        forget julian myrtle shelton pookie barrett established isaac lena true peaches award cause christy
        clifton obrien 789456 castro deanna soon street willard asdf daryl knows military patsy sutton
        dolphin hilda mckinney television telling virgil helpme andy given gwendolyn lucas wife blue jennie
        miles region salvador theman chance kirk nora rodriquez support maxwell chambers margie run sergio
        western qwertyui holt move nina seth shithead anyone cassandra kent lambert non lovers fletcher leah
        person political terrance maddog bye penny point rene watts giants bates cup eduardo kay somebody
        nirvana hale heart period priscilla terrence metallic business enrique miss naomi rhodes hotdog
        carole freddie making pena title rosebud beck meet olga started stuart mountain anyway billie
        fredrick newman various warrior arturo dianne election haynes phone stupid alejandro mcdaniel reason
        tracey using elephant damn england joey leona mendez suckit bush jenny lost nick role success
        felicia looks luther produced vaughn bond007 become bring parks sonia wendell jackass case dawson
        jeremiah miriam program alexis evan santiago turn velma works porn becky field julius norris wish
        lucky bobbie donnie hardy tomorrow total scorpio kids office otis steele violet samson class curry
        kristina trevor trust q1w2e3 check luke powers toni written azerty association homer misty schultz
        rush2112 anymore barker gerard mae radio driver doug guzman least shelly union freddy daisy kenny
        level page 1q2w3e4r5t championship hubert munoz ramona working sydney angelo ball director makes
        sherri gators erika few keller shaun taking dexter chandler force katrina lyle means red123 brother
        claire created matt weber 123456q alfonso department hate lindsey walsh 12345a ago founded lindsay
        lyons orlando bubba geneva ramsey rex says services creative beautiful carlton guadalupe married
        wolfe voodoo belinda ernesto gave schneider though golf fact margarita mullins pablo per trouble
        benson crazy america sharp site nissan afraid bowen open gunner act barber important garfield
        cummings rest short bullshit fun hines society asdfghjk baldwin kid version 5150 griffith royal word
        fucking present valdez watch apollo glad hubbard northern 1qazxsw2 everyone salazar worked 2112
        professional reeves sister eminem full minutes warner legend everybody returned stevenson airborne
        bit burgess joined bear couple santos story beavis france tate whoa apple cross either european
        brooklyn currently garner mrs godzilla feeling language mann skippy daughter mack social 4815162342
        california moss wow buddy gets india thornton qwert asked days mcgee kitten break design farmer
        magic delgado promise shelby aguilar door further beaver close round vega phantom australia glover
        hand asdasd easy manning wrote xavier cohen question san braves harmon project tried darkness
        control far rodgers blink182 robbins southern walk copper needs newton railway platinum blair board
        mine qweqwe higgins killed popular tomcat continued hospital ingram 01012011 anybody free reese
        girls alright battle cannon bigboy considered strickland wedding 102030 shut townsend video animal
        able common potter police die goodwin position online living perfect walton 11223344 half rowe stand
        voyager comes hampton playing lifehack hit ortega recorded 12qwaszx patton red waiting fish dinner
        post swanson sniper described funny goodman 315475 average husband maldonado trinity almost records
        yates blazer becker pay special heaven answer erickson modern lover appeared cool hodges snowball
        announced eyes rios playboy areas conner news loveme adkins child rock bubbles release webster
        hooters elected malone yours cricket hammond moment others willow flowers sleep donkey cobb read
        term topgun moody opened nintendo quinn similar sounds saturn formed pope sonny destiny osborne pick
        route pakistan census mccarthy sometimes pumpkin bed current guerrero digital date estrada schools
        sergey originally plan sandoval redwings gibbs hours lake explorer developed gross lose tits
        fitzgerald hands race himself serious stokes runner doyle forces shit therock addition behind
        saunders guinness information inside wise lasvegas ahead colon upon beatles gill province week
        789456123 alvarado match wonderful fire event fight greer cassie padilla past songs christin cut
        result waters qwerty1 events nunez quite celtic ballard win asdf1234 eastern schwartz sick andrey
        mcbride track broncos eat houston lead 007007 christensen nobody teams babygirl goes klein science
        eclipse human pratt save fluffy briggs construction seems cartman finally minister parsons michigan
        germany lives mclaughlin carolina awards worried zimmerman available buchanan upset alexande carly
        moran throughout birdie copeland met training pantera brought pittman style cherry body brady seem
        vampire mccormick museum sort mexico australian holloway safe dickhead brock health buffalo leaving
        poole seven genius front logan signed montana bass chief shot beer eventually loved marsh minecraft
        appointed asking drake maximus running sea wong flyers centre clear jefferson lovely debut figure
        morton stalker abbott hot tour metallica felt points sparks doggie media norton parents snickers
        drink huff light speedy absolutely massey range bronco character figueroa lol123 across carson daddy
        paradise bowers features sweet yankee alive families roberson horses barton largest sense magnum
        indian meant tran dreams happens lamb network 147258369 bet harrington less lacrosse blood boone
        performance ou812 cortez players goober clarke kidding refer enigma europe lie mathis qwertyu
        meeting singleton sold scotty dear festival wilkins pimpin cain seeing usually bollocks sound taken
        underwood surfer despite fault hogan cock designed mckenzie ten poohbear buy collier committee
        genesis hour luna process star phelps return speak asd123 lady mcguire official qweasdzxc bridges
        episode jen racing institute thinks wilkerson hello1 christmas nash stage hawaii followed outside
        summers eagle1 atkins hang performed viper japanese possible wilcox poopoo personal pitts worse
        einstein conley mistake thus boobies arts marquez ooh 12345q burnett handle space bitches cochran
        low spend drowssap chase months totally simple davenport giving includes badger china hood alaska
        gates marriage study action ayala middle realize jester magazine sawyer unless drummer leading sex
        vazquez 111222 dickerson japan send spitfire groups hodge needed forest acosta aircraft scared
        maryjane featured flynn picture champion espinoza federal talked diesel ass civil nicholson svetlana
        hundred monroe rights friday changed model wolf hotrod coach completely morrow 147258 canadian
        explain whitaker chevy books certainly oconnor lucky1 remained skinner westside boys eight ware
        security molina relationship type google independent kirby loves badass completed hair huffman
        tester capital gilmore lying shorty academy choice dominguez thumper anywhere instead oneal hitman
        future kingdom lang mozart combs organization weird zaq12wsx countries kramer luck boobs hancock
        studies reddog competition gallagher turned 010203 gaines sports touch lizard kiss shaffer size
        a123456 above crane wiggins 123456789a mathews questions section ruslan finished mcclain obviously
        eagle fischer gold wonder 1232323q involved pain wall scarface calling melton reported qwerty12
        hensley management somewhere 147852 bond systems throw a12345 dyer industry straight buddha cold
        directed grimes porno contreras fast market 420420 fourth words wyatt spirit baxter food movement
        money1 snow technology stargate bank drive mosley qwe123 feelings ground shepherd naruto campaign
        larsen mercury base hoover marry liberty beasley drop lower 12345qwert cannot petersen sent semperfi
        dream rather whitehead suzuki added meyers protect popcorn garrison provided twenty spooky coast
        shields surprise marley grand horn sweetheart scotland historic poor savage kitty looked olsen
        valley cherokee conference mad schroeder vikings bridge except hartman simpsons gun winning woodard
        rascal approximately mueller qweasd dance films kemp hummer chinese deleon takes loveyou appreciate
        awarded booth michael1 degree especially patel patches calhoun russian situation russia besides
        shows wiley jupiter eaton native pull penguin cline female passion navarro replaced worth cumshot
        harrell municipality sheridan vfhbyf amazing humphrey square honda expect parrish studio vladimir
        duran medical swear sandman data hutchinson piece passport african busy hess raider dorsey happening
        successful bastard bullock mid movie 123789 bay robles infinity attack beard catch assman dalton
        perhaps previous bulldogs avila operations step fantasy fall rich spanish sucker blackwell theatre
        watching 1234554321 johns kept student horney blankenship darling republic domino beginning trevino
        budlight honor provide salinas disney campos moving ship ironman primary pruitt till usuckballz1
        admit callahan owned softball montoya problems writing brutus hardin murder tournament redrum
        culture guerra bigred evil introduced mcdowell mnbvcxz definitely stafford texas fktrcfylh feels
        gallegos related karina henson honest natural marines eye parts wilkinson digger booker broke
        governor kawasaki merritt missed reached cougar atkinson ireland longer fireman dollars orr units
        oksana decker senior tired monday decided evening hobbs cunt italian starting tanner justice entire
        knox whose nigger higher pacheco trip africa niles stephenson wildcats glass standard suppose tinker
        calm income rojas logitech imagine professor serrano dancer fair marks placed swordfis caught
        hickman regional avalon blame los sweeney everton buildings sitting alexandr championships favor
        mcclure motorola active apartment conway patriots novel roth terrible hentai clean energy maynard
        madonna farrell generally learn pussy1 frasier interest lowery ducati hurst relax via colorado
        accident economic nixon connor previously wake weiss juventus prove stated trujillo galore ellison
        itself smart smooth channel message sloan freeuser below juarez missing warcraft forgot operation
        winters boogie interested leader mclean titanic boyer table traditional wolverin nbsp trade
        villarreal elizabet mccall mouth structure arizona gentry limited pregnant valentin carrillo ring
        runs saints ayers careful prior asdfg lara regular shall accord dude famous sexton test123 pace ride
        saint password123 figured hull navy christ foreign leblanc wear yfnfif browning listed shoot stinky
        artist stick velasquez slut catholic follow leach spiderma airport angry chang naughty results write
        chopper parliament stopped hello123 collection ran ncc1701d standing unit extreme forgive officer
        skyline goal jail poop attended wearing zombie command ladies pearljam kinda staff 123qweasd
        commission lunch froggy cristian lived awesome greenlee location vision gotten plays pirate
        commercial hoping fylhtq phoebe places dreamer foundation thousand bullet ridge significant predator
        older paper empire medal tough 123123a self tape kirill count scored charlie1 boyfriend companies
        panthers highway proud penis activities agree skipper birthday programs nemesis wide rasdzv3 musical
        share peekaboo notable offer rolltide hurry library cardinal feet numerous psycho paris wondering
        danger decision towards mookie individual ones happy1 allowed finish wanker plant voice chevelle
        herself property manutd annual goblue contract mess 9379992 deserve whom hobbes evidence highest
        vegeta cute initially fyfcnfcbz dress required 852456 earlier interesting picard assembly hotel
        159951 artists enjoy windows quiet rural loverboy concerned seat victory practice staying vfrcbv
        beat defeated bambam ended sweetie serega mention soviet 123654789 clothes length turkey fell spent
        tweety manager neither galina mmm press hiphop associated fix rooster author respect issues prison
        berlin additional attention taurus characters holding suckme calls lord polina surprised zealand
        electric policy avatar engine keeping 134679 gift township maksim noted raptor historical putting
        alpha1 complete dark hendrix financial owe newport ice religious bigcock helping mission brazil
        contains normal spring aunt nine a1b2c3 lawyer recent madmax apart represented alpha pennsylvania
        plans britney administration jax sublime girlfriend opening darkside floor secretary bigman lines
        whether wolfpack report classic box executive hercules judge youth ronaldo closed upstairs letmein1
        sake theory 1q2w3e mommy writer 741852963 italy possibly spiderman angeles worst blizzard acting
        appearance 123456789q accept feature cheyenne blow queen cjkysirj launched strange tiger1 legal
        saved wombat conversation terms bubba1 entered plane pandora issue mama zxc123 edition yesterday
        holiday lied singer wildcat greek quick devils lately majority horse background stuck alabama
        difference source 147852369 anti store caesar cultural 12312 bought complex buddy1 changes doubt
        bondage listening recording pussycat stadium walking pickle cops islands shaggy deep operated
        catch22 dangerous particularly leather basketball buffy chronic month sleeping a1b2c3d4 chloe uses
        port rafe qqq111 castle join qaz123 card mostly airplane crime names kodiak fort gentlemen freepass
        selected willing billybob increased window sunset status walked katana earth guilty phpbb likes
        subsequently chocolat fighting pacific snowman cover difficult angel1 soul variety stingray certain
        joke firebird favorite goals wolves remains uncle zeppelin promised upper detroit bother congress
        pontiac becoming seriously gundam cell studied panzer irish knowing vagina broken nature outlaw
        advice particular redhead loss somehow tarheels caused paid greenday chart losing nastya push
        01011980 forced helped hardon create killing engineer boss era dragon1 liked retired hellfire
        innocent material serenity review rules cobra learned rate fireball singles thirty lickme referred
        risk darkstar larger letting 1029384756 individuals speaking 01011 ridiculous shown mustang1
        afternoon provides flash apologize products 124578 nervous speed strike charge democratic beauty
        patient poland pavilion boat parish 01012000 olympics bobafett cities hide dbrnjhbz detective
        themselves bigmac planning temple bowling huge wing chris1 breakfast genus ytrewq horrible
        households natali awful serving pyramid cost pleasure rulez driving wales welcome1 hanging stations
        dodgers passed picked apache sell supported swimming quit view whynot apparently cases teens dying
        forms trooper actor notice fuckit congratulations male defender matches visit precious males 135790
        stars packard letter tracks weasel decide females popeye administrative forward lucifer fool median
        cancer effect showed icecream biography smell 142536 seemed train raven engineering spell swordfish
        camp memory presario offered pictures viktor chairman slow rockstar houses seconds blonde hungry
        mainly james1 hearing wutang kitchen surface spike therefore pimp nearly atlanta realized score
        airforce ancient kick thailand grab subject casino discuss prime lennon fifty seasons mouse claimed
        reading 741852 experience idiot hacker specific suddenly bluebird agent jewish hawkeye destroy
        failed 456123 bucks overall theone believed shoes catfish peace plot sailor arms troops goldfish
        demon greater nfnmzyf livvie spain tattoo consider consists pervert broadcast papers barbie heavy
        incredible maxima increase witch nipples drunk raised machine attorney separate trucks campus tells
        wrangler knock rocks appears ways tornado gives presented lights lies nose cadillac composed skye
        bubble recently turns pegasus influence keeps madman fifth jealous longhorn drug nations browns
        creek sooner target cares references 666999 elections plenty eatme britain extra qazwsx123 double
        outta microsoft cast weekend dilbert matters meaning christia earned gosh baller carried opportunity
        lesbian impossible producer shooter latter waste xfiles housing pretend seattle brothers jump qazqaz
        attempt eating cthutq article proof amateur response slept prelude arrest border corona breathe
        remaining freaky nearby perfectly malibu direct warm 123qweasdzxc pulled ships assassin twice value
        246810 easier workers atlantis goin politician integra academic dating pussies label suit iloveu
        romantic lonewolf commander drugs dragons comfortable rule monkey1 fellow finds unicorn checked
        residents software authority divorce bobcat begin editor stealth ourselves transport peewee closer
        dutch openup projects ruin 753951 responsible smile srinivas covered laugh zaqwsx territory treat
        valentina fear flight shotgun races trigger defense otherwise veronika excited tower bruins emperor
        mail coyote albums hiding babydoll facilities stole joker daily pacey dollar noticed stories lestat
        assistant fired rocky1 excellent managed hottie bringing primarily bottom quality butterfly function
        note wordpass proposed sudden smiley bathroom distribution sweety conditions honestly snake prize
        sing chipper foot journal woody code remind samurai charges vice devildog newspaper witness gizmo
        corps finding maddie highly tree soso123aljg constructed dare mistress hardly mayor freedom1
        critical flipper secondary steal corporation silly hjvfirf contact rugby moose regiment teach cessna
        ohio shop piglet appearances plus polaris colonel serve teacher allow fresh montreal nation trial
        invited multiple wolfgang discovered roll scully directly reach fatboy dirty scene wicked choose
        levels balls emergency growth tickle dropped elements bunny acquired butt dfvgbh credit obvious
        officers transam locked physical pepsi loving fetish latin nuts oicu812 agreed host basketba jersey
        prue toshiba goodbye graduated hotstuff arrived condition sunday guard issued booty fuckin
        literature gambit grow metal 31415926 cake estate impala mood vote stephani crap immediately
        jessica1 crying quickly hooker asian belong lancer competed partner knicks extended trick shamrock
        pressure produce fuckyou2 dressed urban stinger taste 314159 neck promoted redneck contemporary
        nurse deftones global raise squirt formerly lots siemens appear carry blaster industrial whoever
        trucker drinking types subaru opera renegade breaking ministry ibanez file soldiers manson commonly
        lock swinger mass wine reaper formation spot blondie paying smaller mylove assume typically galaxy
        asleep drama blahblah shortly turning enterpri density viki travel bedroom senate 1234abcd effects
        shower babylon5 iran nikolas indiana camera polish skeeter fill prominent master1 naval reasons
        sugar forty settlement ficken bigger divided smoke basis nope bigone breath republican sweetpea
        """
}
