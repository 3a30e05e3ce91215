package dk.noegletal.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.ImportingTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on: an identity provider's bearer tokens, checked against its keys (an OIDC provider on WireMock, the
 * test configuration's NOEGLETAL_OIDC_* settings). A token carrying the editor role may write; any token that is not
 * the provider's, not for this service or no longer valid is a 401 problem, and nothing is written.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SingleSignOnTest extends ImportingTest {

    /** The issuer the provider on WireMock announces, and the audience of the test configuration. */
    private static final String ISSUER = "https://server.example.com";
    private static final String AUDIENCE = "noegletal";
    private static final String CSV = "area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2049,7\n";

    @Test
    void aTokenWithTheEditorRoleInGroupsMayImport() {
        String token = claims().groups(Set.of("editor")).jws().keyId("1").sign("privateKey.jwk");
        bearer(token).contentType("text/csv").body(CSV).when().post("/api/v1/imports")
                .then().statusCode(201).body("inserted", equalTo(1));
        RestAssured.given().queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series").then().statusCode(200).body("points[0].value", equalTo(7));
    }

    @Test
    void keycloakRealmRolesAndEntraAppRolesAreRead() {
        String keycloak = claims().claim("realm_access", Map.of("roles", List.of("editor")))
                .jws().keyId("1").sign("privateKey.jwk");
        bearer(keycloak).contentType("text/csv").body(CSV).when().post("/api/v1/imports").then().statusCode(201);
        String entra = claims().claim("roles", List.of("editor")).jws().keyId("1").sign("privateKey.jwk");
        bearer(entra).contentType("application/json")
                .body(Map.of("code", "sso", "name", "Single sign-on", "members", List.of("101")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        bearer(entra).when().delete("/api/v1/clusters/sso").then().statusCode(204);
    }

    @Test
    void aValidTokenWithoutTheEditorRoleIsForbidden() {
        long stored = testData.countObservations();
        String token = claims().groups(Set.of("reader")).jws().keyId("1").sign("privateKey.jwk");
        bearer(token).contentType("text/csv").body(CSV).when().post("/api/v1/imports")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("This user may read but not change data; changes need the role editor."));
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        refused(claims().groups(Set.of("editor")).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk"));
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthorized() {
        refused(claims().issuer("https://login.example.org/other").groups(Set.of("editor"))
                .jws().keyId("1").sign("privateKey.jwk"));
    }

    @Test
    void aTokenForAnotherServiceIsUnauthorized() {
        refused(claims().audience("another-service").groups(Set.of("editor")).jws().keyId("1").sign("privateKey.jwk"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(claims().groups(Set.of("editor")).jws().keyId("1").sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"mallory\","
                + "\"groups\":[\"editor\"],\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        refused(header + "." + payload + ".");
    }

    @Test
    void aMalformedTokenIsUnauthorized() {
        refused("not-a-token");
    }

    /** The claims of a good token: the provider's issuer, this service's audience, valid for ten minutes. */
    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("alice").preferredUserName("alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private void refused(String token) {
        long stored = testData.countObservations();
        bearer(token).contentType("text/csv").body(CSV).when().post("/api/v1/imports")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("editor"));
        assertEquals(stored, testData.countObservations());
    }
}
