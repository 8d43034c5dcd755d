from ipgraph.regions import divisions
from ipgraph.departments import department
from ipgraph.resolve import key, region_of


def test_regions_come_with_codes_and_parents():
    d = divisions()
    yichang = d.lookup("宜昌市")
    assert yichang.code == "420500" and yichang.level == "municipal"
    assert [r.name for r in d.chain(yichang)] == ["宜昌市", "湖北省", "中国"]
    assert d.lookup("重庆市").level == "provincial"
    assert d.lookup("西陵区", within=yichang).code == "420502"


def test_autonomous_divisions_go_by_their_common_names():
    # an autonomous county or prefecture is written without its peoples in its own documents
    d = divisions()
    assert d.lookup("长阳县").name == "长阳土家族自治县"
    assert d.lookup("恩施州").name == "恩施土家族苗族自治州"
    assert d.lookup("延边州").code == "222400"
    assert region_of("互助县“十四五”知识产权发展规划").name == "互助土族自治县"


def test_plan_titles_name_their_jurisdiction():
    assert region_of("“十三五”吉林省知识产权保护和运用规划").code == "220000"
    assert region_of("“十四五”国家知识产权保护和运用规划").code == "CN"
    assert region_of("知识产权强国建设纲要") is None


def test_departments_are_scoped_to_their_jurisdiction():
    d = divisions()
    yichang, jining, jilin = d.lookup("宜昌市"), d.lookup("济宁市"), d.lookup("吉林省")
    assert department("市市场监管局", yichang).key != department("市市场监管局", jining).key
    assert department("省科技厅", jilin).label == "吉林省科学技术厅"
    assert department("省科技厅", yichang).key == "420000/科学技术厅"
    assert department("市场监管总局", yichang).key == "CN/国家市场监督管理总局"
    assert department("长春海关", jilin).region.code == "220100"
    dual = department("市市场监管局(知识产权局)", yichang)
    assert dual.key == department("市市场监管局", yichang).key
    assert "市知识产权局" in dual.surfaces


def test_unknown_region_scopes_to_the_plan():
    assert department("市科技局", None, "某规划").key == "某规划/市科技局"


def test_plan_keys_ignore_quotes_dashes_and_year_ranges():
    assert key("知识产权强国建设纲要(2021-2035年)") == key("知识产权强国建设纲要(2021—2035年)") == "知识产权强国建设纲要"
    assert key("“十四五”国家知识产权保护和运用规划") == key('"十四五"国家知识产权保护和运用规划')


def test_consecutive_divisions_narrow_the_region():
    assert region_of("湖北省宜昌市知识产权规划").code == "420500"
    assert region_of("北京市海淀区“十四五”知识产权发展规划").level == "county"
    assert region_of("吉林市知识产权规划").code == "220200"


def test_a_body_named_with_its_province_and_city_is_the_citys():
    china = divisions().get("CN")
    assert department("广东省深圳市人民政府", china).key == "440300/人民政府"
    assert department("北京市海淀区人民政府", china).key == "110108/人民政府"
    assert department("吉林省长春市市场监督管理局", china).key == "220100/市场监督管理局"
    assert department("湖北省人民政府", china).key == "420000/人民政府"
    # a short form is no division there: 中山 of 中山大学 is not 中山市
    assert department("广东省中山大学", china).key == "440000/中山大学"


def test_aliases_give_full_names_and_keep_every_form():
    d = divisions()
    jilin, yichang = d.lookup("吉林省"), d.lookup("宜昌市")
    assert department("省科学技术厅", jilin).key == department("省科技厅", jilin).key
    assert set(department("省科技厅", jilin).surfaces) == {"省科技厅", "吉林省科技厅"}
    assert department("省法院", jilin).label == "吉林省高级人民法院"
    assert department("市法院", yichang).label == "宜昌市中级人民法院"
    assert department("海关总署", yichang).label == "中华人民共和国海关总署"
    assert department("知识产权局", d.get("CN")).label == "国家知识产权局"      # in a State Council text
    assert department("知识产权局", yichang).label == "宜昌市知识产权局"        # in a city's text
    assert department("人民银行长春中心支行", jilin).label == "人民银行长春中心支行"
